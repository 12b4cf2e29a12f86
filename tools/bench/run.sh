#!/usr/bin/env bash
# Issue 12's benchmarks in one command: seeds (or reuses) the registry, runs every scenario against the shipped server
# and its baselines, interleaved round by round in one run, and writes docs/benchmarks.md from that run.
#   B0  a minimal-API endpoint: the same EF Core read, the same JSON; no GraphQL, no policy, no log
#   B1  GraphQL.NET over the same reads: no token, no policy, no log
#   B2  the full server with a log that drops its records
#   shipped  the server's own build (Release, Production), its durable log
# Scenarios (every request draws its citizen at random from the whole registry or log):
#   S1 KYC lookup by a credit institution (B0, B1, B2, shipped)      S2 a state agency's pages of 500 x 15 fields (B1, B2, shipped)
#   S3 a citizen's me + myAccessHistory on the log S1 left (B2, shipped)
#   S4 an auditor's accessStats (every grouping) and accessLog (by citizen, field, organisation, decision) over LOG_ENTRIES
#      entries written by `registry audit generate` through the real group-commit writer (chain and spans)
#   S5 S1 on PostgreSQL, a throwaway cluster from the machine's binaries (B0, shipped)
# Usage: tools/bench/run.sh [--quick]      (--quick: a small registry and log, short runs: a smoke test of the whole chain)
# Environment: WORK (seeded data, reused; default /tmp/graphql-registry-bench), CITIZENS, LOG_ENTRIES, ROUNDS, DURATION,
#   WARMUP, CONNECTIONS (32), PAGE_CONNECTIONS (S2's, "1 4": one pager alone, the latency a paging client sees, then 4 at once, which keep both cores busy), AUDIT_DURATION, SCENARIOS ("S1 S2 S3 S4 S5"), OUT (docs/benchmarks.md).
# Every server it starts listens on 127.0.0.1 on a random port and is stopped by its pid.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
COMMAND="tools/bench/run.sh $*"
if [ "${1:-}" = --quick ]; then
  CITIZENS=${CITIZENS:-20000}; LOG_ENTRIES=${LOG_ENTRIES:-180000}; ROUNDS=${ROUNDS:-1}; DURATION=${DURATION:-3}; WARMUP=${WARMUP:-1}; AUDIT_DURATION=${AUDIT_DURATION:-1}
else
  CITIZENS=${CITIZENS:-1000000}; LOG_ENTRIES=${LOG_ENTRIES:-10000000}; ROUNDS=${ROUNDS:-2}; DURATION=${DURATION:-20}; WARMUP=${WARMUP:-5}; AUDIT_DURATION=${AUDIT_DURATION:-10}
fi
CONNECTIONS=${CONNECTIONS:-32}; PAGE_CONNECTIONS=${PAGE_CONNECTIONS:-1 4}; SCENARIOS=${SCENARIOS:-S1 S2 S3 S4 S5}; OUT=${OUT:-docs/benchmarks.md}
WORK=${WORK:-${TMPDIR:-/tmp}/graphql-registry-bench}; mkdir -p "$WORK"
RUN=$(mktemp -d "$WORK/run-XXXXXX"); chmod 755 "$RUN"
RESULTS="$RUN/results.jsonl"; : >"$RESULTS"
LOG_CITIZENS=$(( CITIZENS < 1000000 ? CITIZENS : 1000000 ))

# The same keys for every server and the client; the per-caller rate limit raised: capacity is measured, not the limit.
export ASPNETCORE_ENVIRONMENT=Production Registry__Jwt__SigningKey=bench-signing-key-that-is-long-enough-0123456789
export Registry__AccessLog__PseudonymKey=bench-pseudonym-key-that-is-long-enough-0123 Registry__Limits__RequestsPerSecondPerCaller=1000000000
CLI=(dotnet "$ROOT/src/GraphQlRegistry.Cli/bin/Release/net10.0/registry.dll")
LOADGEN=(dotnet "$ROOT/tools/GraphQlRegistry.LoadGenerator/bin/Release/net10.0/GraphQlRegistry.LoadGenerator.dll")
API="$ROOT/src/GraphQlRegistry.Api/bin/Release/net10.0/GraphQlRegistry.Api.dll"

SERVER_PID=; PORT=; PG_DIR=; PGBIN=
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_server() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; fi; }
cleanup() {
  stop_server
  if [ -n "$PG_DIR" ]; then as_postgres "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
}
trap cleanup EXIT
say() { echo "[$(date -u +%T)] $*"; }

# start NAME DATA_DIR [ENV=VALUE ...]: the shipped server, or a baseline host; waits until it answers.
# A randomly chosen port may be taken by then: a server that could not bind is started again on another port.
start() {
  local name=$1 data=$2; shift 2
  for _ in 1 2 3 4 5; do
    PORT=$(( (RANDOM % 40000) + 20000 ))
    case $name in
      shipped*) env Registry__DataDirectory="$data" "$@" dotnet "$API" --urls "http://127.0.0.1:$PORT" >"$RUN/$name.log" 2>&1 & ;;
      *) env Registry__DataDirectory="$data" "$@" "${LOADGEN[@]}" serve "${name%%-*}" --port "$PORT" >"$RUN/$name.log" 2>&1 & ;;
    esac
    SERVER_PID=$!
    if wait_until_answering "$name"; then return 0; fi
    SERVER_PID=
    grep -q "address already in use" "$RUN/$name.log" || { echo "$name did not start:"; tail -20 "$RUN/$name.log"; exit 1; }
  done
  echo "$name found no free port"; exit 1
}
wait_until_answering() {
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/graphql" || true)" != 000 ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    sleep 0.5
  done
  echo "$1 did not answer in 10 minutes"; exit 1
}

# drive NAME DATA_DIR SCENARIO ROUND [ENV=VALUE ...] -- [loadgen options]
drive() {
  local name=$1 data=$2 scenario=$3 round=$4; shift 4
  local environment=(); while [ "$1" != -- ]; do environment+=("$1"); shift; done; shift
  env Registry__DataDirectory="$data" "${environment[@]}" "${LOADGEN[@]}" drive --url "http://127.0.0.1:$PORT" --server "$name" --scenario "$scenario" \
    --round "$round" --connections "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" --out "$RESULTS" "$@"
}
# drive_pages NAME DATA_DIR ROUND: S2 once for each number of pagers in PAGE_CONNECTIONS.
drive_pages() { local pagers; for pagers in $PAGE_CONNECTIONS; do drive "$1" "$2" S2 "$3" -- --connections "$pagers"; done; }
runs() { [[ " $SCENARIOS " == *" $1 "* ]]; }

say "building (Release)"
dotnet build -c Release -nologo -v q tools/GraphQlRegistry.LoadGenerator >/dev/null

# :: The registry, seeded once per size and reused.
REGISTRY="$WORK/registry-$CITIZENS"
if [ ! -f "$REGISTRY/seeded" ]; then
  say "seeding $CITIZENS citizens into $REGISTRY"
  rm -rf "$REGISTRY"; mkdir -p "$REGISTRY"
  env Registry__DataDirectory="$REGISTRY" "${CLI[@]}" seed --citizens "$CITIZENS" --data "$REGISTRY" >/dev/null
  touch "$REGISTRY/seeded"
fi

# :: S1, S2, S3 on SQLite: per round B0, B1, then B2 and the shipped server, each on a fresh log (S3 reads the log S1 left).
for ROUND in $(seq 1 "$ROUNDS"); do
  if runs S1; then say "round $ROUND: B0"; start B0 "$REGISTRY"; drive B0 "$REGISTRY" S1 "$ROUND" --; stop_server; fi
  if runs S1 || runs S2; then
    say "round $ROUND: B1"; start B1 "$REGISTRY"
    runs S1 && drive B1 "$REGISTRY" S1 "$ROUND" --
    runs S2 && drive_pages B1 "$REGISTRY" "$ROUND"
    stop_server
  fi
  runs S1 || runs S2 || runs S3 || continue
  for SERVER in B2 shipped; do
    say "round $ROUND: $SERVER"
    # A fresh log for both: a log left by an earlier run would be verified at start-up while the load runs.
    rm -f "$REGISTRY"/access-log.db* "$REGISTRY"/access-log.checkpoints
    start "$SERVER" "$REGISTRY"
    runs S1 && drive "$SERVER" "$REGISTRY" S1 "$ROUND" --
    runs S3 && drive "$SERVER" "$REGISTRY" S3 "$ROUND" --
    runs S2 && drive_pages "$SERVER" "$REGISTRY" "$ROUND"
    stop_server
  done
done

# :: S4: an auditor over a log of LOG_ENTRIES entries, written once through the real writer and reused.
if runs S4; then
  AUDIT="$WORK/log-$LOG_ENTRIES"
  if [ ! -f "$AUDIT/generated" ]; then
    say "writing $LOG_ENTRIES log entries through the group-commit writer into $AUDIT"
    rm -rf "$AUDIT"; mkdir -p "$AUDIT"
    env Registry__DataDirectory="$AUDIT" "${CLI[@]}" seed --citizens 1000 --data "$AUDIT" >/dev/null
    env Registry__DataDirectory="$AUDIT" "${CLI[@]}" audit generate --entries "$LOG_ENTRIES" --citizens "$LOG_CITIZENS" --days 30 --data "$AUDIT" >"$RUN/generate.log"
    tail -1 "$RUN/generate.log"
    touch "$AUDIT/generated"
  fi
  say "S4: the shipped server on $AUDIT; waiting for its start-up chain check to finish"
  start shipped-audit "$AUDIT"
  for _ in $(seq 1 7200); do grep -qE "chain verified|chain is BROKEN|chain check could not run" "$RUN/shipped-audit.log" && break; sleep 0.5; done
  grep -oE "Access log chain (verified: [0-9,]+ entries|is BROKEN[^\"]*)" "$RUN/shipped-audit.log" | head -1 || true
  # One auditor at a time, as a security team works; the warm-up's first request brings the daily rollup up to date.
  drive shipped "$AUDIT" S4 1 -- --connections 1 --warmup 0 --duration "$AUDIT_DURATION" --timeout 3600 --log-citizens "$LOG_CITIZENS"
  stop_server
fi

# :: S5: S1 on a throwaway PostgreSQL cluster (durable settings: fsync and synchronous_commit on, the defaults).
if runs S5; then
  PGBIN=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | sort | tail -1)")
  PG_DIR=$(mktemp -d "$WORK/pg-XXXXXX"); chmod 755 "$PG_DIR"; [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  PG_PORT=$(( (RANDOM % 40000) + 20000 ))
  as_postgres "$PGBIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB" start >/dev/null
  PG=(Registry__Database__Provider=Postgres "ConnectionStrings__Registry=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=registry;Maximum Pool Size=64")
  say "S5: seeding $CITIZENS citizens into PostgreSQL"
  env Registry__DataDirectory="$PG_DIR" "${PG[@]}" "${CLI[@]}" seed --citizens "$CITIZENS" --data "$PG_DIR" >/dev/null
  for ROUND in $(seq 1 "$ROUNDS"); do
    for SERVER in B0-postgres shipped-postgres; do
      say "round $ROUND: $SERVER"
      start "$SERVER" "$PG_DIR" "${PG[@]}"
      drive "$SERVER" "$PG_DIR" S5 "$ROUND" "${PG[@]}" --
      stop_server
    done
  done
fi

# :: The report, from this run only.
{
  echo "command:     $COMMAND"
  [ "${1:-}" = --quick ] && echo "mode:        quick: a smoke test of the whole chain (small data, seconds-long runs); its figures are not measurements"
  echo "finished:    $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src tools || echo ' (with local changes)')"
  echo "machine:     $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/ {print $2}') GB memory; $(uname -sr); .NET $(dotnet --version)"
  echo "load:        $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min averages at the end of the run: other work on the machine skews every figure)"
  echo "parameters:  $CITIZENS citizens; $ROUNDS round(s); $CONNECTIONS connections (S2: ${PAGE_CONNECTIONS// / and } pagers), ${WARMUP} s warm-up, ${DURATION} s per server and scenario;"
  echo "             S4 over $LOG_ENTRIES entries about $LOG_CITIZENS citizens, 1 connection, ${AUDIT_DURATION} s per query; scenarios: $SCENARIOS"
  echo "client:      tools/GraphQlRegistry.LoadGenerator (closed loop, keep-alive HttpClient, one connection per worker, on the same machine)"
} >"$RUN/machine.txt"
"${LOADGEN[@]}" report --results "$RESULTS" --machine "$RUN/machine.txt" --out "$OUT"
say "wrote $OUT (results: $RESULTS)"
