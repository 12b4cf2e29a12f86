#!/usr/bin/env bash
# Audits /graphql with graphql-http 1.23.1 (npm) on a throwaway demo registry. Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
# A port below the ephemeral range (32768-60999), so no outgoing connection holds it.
WORK=$(mktemp -d); PORT=$((20000 + RANDOM % 12000))
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for PROJECT in src/GraphQlRegistry.Api src/GraphQlRegistry.Cli; do dotnet build -c Release "$PROJECT" >/dev/null; done
CLI="dotnet src/GraphQlRegistry.Cli/bin/Release/net10.0/registry.dll"
$CLI seed --citizens 1000 --data "$WORK/data" >/dev/null
TOKEN=$($CLI token --org demo-state-agency --data "$WORK/data")
(cd "$WORK" && npm init -y >/dev/null && npm install --silent graphql-http@1.23.1 graphql@16 >/dev/null)
cp tools/audit/graphql-http-audit.mjs "$WORK/"
ASPNETCORE_ENVIRONMENT=Development Registry__DataDirectory="$WORK/data" Logging__LogLevel__Default=Warning \
  dotnet src/GraphQlRegistry.Api/bin/Release/net10.0/GraphQlRegistry.Api.dll --urls "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
node "$WORK/graphql-http-audit.mjs" "http://127.0.0.1:$PORT/graphql" "$TOKEN"
