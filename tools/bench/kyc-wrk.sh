#!/usr/bin/env bash
# The KYC lookup benchmark with wrk, as the peer was measured: 2 threads, 32 connections, 5 s warm-up, then
# DURATION seconds, against the raw EF Core endpoint (B0), the server with a dropped log, and the server as shipped.
# Usage: tools/bench/kyc-wrk.sh <data-dir seeded by `registry seed`> [duration-seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=$(realpath "$1"); DURATION=${2:-20}; PORT=5199
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
for PROJECT in tools/GraphQlRegistry.LoadGenerator src/GraphQlRegistry.Cli; do dotnet build -c Release "$PROJECT" >/dev/null; done
CLI="dotnet src/GraphQlRegistry.Cli/bin/Release/net10.0/registry.dll"
TOKEN=$($CLI token --org demo-credit-institution --data "$DATA" --purpose KYC --minutes 120)
ID=$($CLI sample-citizen --data "$DATA")
SCRIPT=$(mktemp --suffix .lua)
STDIN=$(mktemp -u); mkfifo "$STDIN"
SERVER=
# Stops the server this script started, by its pid, and closes the pipe that is its stdin.
stop_server() { if [ -n "$SERVER" ]; then kill -9 "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=; fi; exec 3>&-; }
trap 'stop_server; rm -f "$SCRIPT" "$STDIN"' EXIT
QUERY='query Kyc($id: ID!) { citizen(personalId: $id) { personalId fullName dateOfBirth sex nationality placeOfOrigin permanentAddress { provinceCode province district commune street } currentAddress { provinceCode province district commune street } } }'
cat > "$SCRIPT" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
  if string.find(wrk.path, "raw") then
    return wrk.format(nil, nil, nil, '{"personalId":"$ID"}')
  end
  return wrk.format(nil, nil, nil, '{"query":"$QUERY","variables":{"id":"$ID"}}')
end
LUA
printf '%-20s %9s %8s %8s\n' server req/s p50 p99
for TARGET in RawEfCore GraphQlNoOpLog GraphQlDurableLog; do
  PATHNAME=/graphql; [ "$TARGET" = RawEfCore ] && PATHNAME=/raw
  # The host serves until its stdin closes: its stdin is a pipe this script holds open on descriptor 3.
  dotnet tools/GraphQlRegistry.LoadGenerator/bin/Release/net10.0/GraphQlRegistry.LoadGenerator.dll serve "$DATA" "$TARGET" "$PORT" <"$STDIN" >/dev/null 2>&1 &
  SERVER=$!
  exec 3>"$STDIN"
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done
  wrk -t2 -c32 -d5s -s "$SCRIPT" "http://127.0.0.1:$PORT$PATHNAME" >/dev/null
  OUT=$(wrk -t2 -c32 -d"${DURATION}s" -s "$SCRIPT" --latency "http://127.0.0.1:$PORT$PATHNAME")
  if echo "$OUT" | grep -q "Non-2xx"; then echo "$TARGET answered errors:"; echo "$OUT"; exit 1; fi
  printf '%-20s %9s %8s %8s\n' "$TARGET" "$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$OUT" | awk '$1=="50%" {print $2}')" "$(echo "$OUT" | awk '$1=="99%" {print $2}')"
  # The host traps SIGTERM and waits for stdin; the benchmark needs nothing graceful.
  stop_server
  sleep 2
done
