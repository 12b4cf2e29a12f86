#!/usr/bin/env bash
# Before and after, in one run: builds the request pipeline of each given commit (this checkout's benchmark host and
# load generator laid over it, so only the server differs), then drives each build's B2 (the full server with its log
# dropped; HOST=shipped for the durable one) with one scenario, in turn, interleaved ROUNDS times, and prints the
# medians with ratios to the first commit. "work" names this checkout's working tree.
# Usage: tools/bench/compare.sh COMMIT [COMMIT ...]
# Environment: WORK (default /tmp/graphql-registry-bench, seeded registries and builds reused), CITIZENS (100000),
#   ROUNDS (3), DURATION (15), WARMUP (5), CONNECTIONS (32), SCENARIO (S1), HOST (B2).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
[ $# -ge 1 ] || { echo "usage: tools/bench/compare.sh COMMIT [COMMIT ...]"; exit 2; }
CITIZENS=${CITIZENS:-100000}; ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-15}; WARMUP=${WARMUP:-5}; CONNECTIONS=${CONNECTIONS:-32}
SCENARIO=${SCENARIO:-S1}; HOST=${HOST:-B2}
WORK=${WORK:-${TMPDIR:-/tmp}/graphql-registry-bench}; mkdir -p "$WORK/builds"
RESULTS=$(mktemp "$WORK/compare-XXXXXX.jsonl")
export ASPNETCORE_ENVIRONMENT=Production Registry__Jwt__SigningKey=bench-signing-key-that-is-long-enough-0123456789
export Registry__AccessLog__PseudonymKey=bench-pseudonym-key-that-is-long-enough-0123 Registry__Limits__RequestsPerSecondPerCaller=1000000000
SERVER_PID=
stop_server() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; fi; }
trap stop_server EXIT

dotnet build -c Release -nologo -v q tools/GraphQlRegistry.LoadGenerator >/dev/null
LOADGEN=(dotnet "$ROOT/tools/GraphQlRegistry.LoadGenerator/bin/Release/net10.0/GraphQlRegistry.LoadGenerator.dll")
REGISTRY="$WORK/registry-$CITIZENS"
if [ ! -f "$REGISTRY/seeded" ]; then
  rm -rf "$REGISTRY"; mkdir -p "$REGISTRY"
  env Registry__DataDirectory="$REGISTRY" dotnet src/GraphQlRegistry.Cli/bin/Release/net10.0/registry.dll seed --citizens "$CITIZENS" --data "$REGISTRY" >/dev/null
  touch "$REGISTRY/seeded"
fi

# :: One build per commit, in its own tree under WORK (never a git worktree), with this checkout's benchmark host.
declare -A BUILD
for COMMIT in "$@"; do
  if [ "$COMMIT" = work ]; then BUILD[$COMMIT]=$ROOT; continue; fi
  SHA=$(git rev-parse --short "$COMMIT"); TREE="$WORK/builds/$SHA"
  if [ ! -f "$TREE/built" ]; then
    echo "building $COMMIT ($SHA) in $TREE"
    rm -rf "$TREE"; mkdir -p "$TREE"; git archive "$SHA" | tar -x -C "$TREE"
    rm -rf "$TREE/tools/GraphQlRegistry.LoadGenerator"; mkdir -p "$TREE/tools/GraphQlRegistry.LoadGenerator"
    (cd tools/GraphQlRegistry.LoadGenerator && tar --exclude=bin --exclude=obj -cf - .) | tar -x -C "$TREE/tools/GraphQlRegistry.LoadGenerator"
    [ -d src/GraphQlRegistry.Api/ide/node_modules ] && cp -r src/GraphQlRegistry.Api/ide/node_modules "$TREE/src/GraphQlRegistry.Api/ide/"
    dotnet build -c Release -nologo -v q "$TREE/tools/GraphQlRegistry.LoadGenerator" >/dev/null
    touch "$TREE/built"
  fi
  BUILD[$COMMIT]=$TREE
done

# :: Interleaved: every build once per round, the same client and data.
for ROUND in $(seq 1 "$ROUNDS"); do
  for COMMIT in "$@"; do
    TREE=${BUILD[$COMMIT]}; PORT=$(( (RANDOM % 40000) + 20000 ))
    rm -f "$REGISTRY"/access-log.db* "$REGISTRY"/access-log.checkpoints
    if [ "$HOST" = shipped ]; then
      env Registry__DataDirectory="$REGISTRY" dotnet "$TREE/src/GraphQlRegistry.Api/bin/Release/net10.0/GraphQlRegistry.Api.dll" --urls "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
    else
      env Registry__DataDirectory="$REGISTRY" dotnet "$TREE/tools/GraphQlRegistry.LoadGenerator/bin/Release/net10.0/GraphQlRegistry.LoadGenerator.dll" serve "$HOST" --port "$PORT" >/dev/null 2>&1 &
    fi
    SERVER_PID=$!
    for _ in $(seq 1 240); do [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/graphql" || true)" != 000 ] && break; sleep 0.5; done
    env Registry__DataDirectory="$REGISTRY" "${LOADGEN[@]}" drive --url "http://127.0.0.1:$PORT" --server "$HOST@$COMMIT" --scenario "$SCENARIO" \
      --round "$ROUND" --connections "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" --out "$RESULTS"
    stop_server
  done
done
echo; echo "$SCENARIO, $HOST, $CITIZENS citizens, $CONNECTIONS connections, ${DURATION} s x $ROUNDS rounds; load $(cut -d' ' -f1-3 /proc/loadavg)"
"${LOADGEN[@]}" table --results "$RESULTS"
