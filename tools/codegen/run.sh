#!/usr/bin/env bash
# The TypeScript integrator's path, end to end: start the built server on a random loopback port with a throwaway data
# directory, mint a bank's token, save the bank's own schema (GET /graphql/sdl), generate types for the KYC operation
# with @graphql-codegen/cli, and type-check a client that uses them. Needs a Release build of the solution and npm.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
api="$root/src/GraphQlRegistry.Api/bin/Release/net10.0/GraphQlRegistry.Api.dll"
cli="$root/src/GraphQlRegistry.Cli/bin/Release/net10.0/registry.dll"
[ -f "$api" ] && [ -f "$cli" ] || { echo "build first: dotnet build GraphQlRegistry.sln -c Release" >&2; exit 1; }

data=$(mktemp -d "${TMPDIR:-/tmp}/registry-codegen-XXXXXX")
# A port below the ephemeral range (32768-60999), so no outgoing connection holds it.
port=$((20000 + RANDOM % 12000))
server=""
stop() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap stop EXIT

ASPNETCORE_ENVIRONMENT=Development Registry__DataDirectory="$data" Registry__Demo__Citizens=200 Logging__LogLevel__Default=Warning \
  dotnet "$api" --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
  sleep 0.5
done

token=$(dotnet "$cli" token --org demo-credit-institution --purpose "KYC onboarding" --data "$data")
mkdir -p generated
curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/graphql/sdl" > generated/bank-schema.graphql
if grep -qi "religion" generated/bank-schema.graphql; then
  echo "the bank's schema mentions religion (a field, filter or order value), which the bank may not read" >&2
  exit 1
fi

[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
npx --no-install graphql-codegen --config codegen.yml --silent
npx --no-install tsc --noEmit -p tsconfig.json
echo "codegen: KycLookup types generated from the bank's schema and client.ts type-checks"
