#!/usr/bin/env bash
# The KYC lookup against the shipped server on SQLite and on PostgreSQL, in one run on one machine: the same demo
# registry (CITIZENS synthetic citizens seeded at start-up), the same wrk load (2 threads, CONNECTIONS connections,
# 5 s warm-up, DURATION s), then log entries per second and stored bytes per entry read from each store.
# PostgreSQL is a throwaway cluster of this run's own (initdb/pg_ctl from the machine; as root it runs as postgres).
# Usage: tools/bench/kyc-providers.sh [citizens=100000] [duration-seconds=20] [connections=32]
# PROVIDERS="Postgres" measures one provider; PG_SETTINGS="-c synchronous_commit=off" adds server settings (to
# separate the cost of a durable commit from the rest; the shipped figures use neither); with
# PG_SETTINGS="-c shared_preload_libraries=pg_stat_statements" it also prints calls and mean time per statement.
# Every request reads the same citizen, which flatters the caches: it is for diagnosing the providers (statements,
# bytes per entry); throughput is measured by tools/bench/run.sh (S1 and S5), a random citizen per request.
set -euo pipefail
cd "$(dirname "$0")/../.."
CITIZENS=${1:-100000}; DURATION=${2:-20}; CONNECTIONS=${3:-32}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
PGBIN=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | sort | tail -1)")
WORK=$(mktemp -d); chmod 755 "$WORK"
PGPORT=$(( (RANDOM % 20000) + 30000 )); PORT=$(( PGPORT + 1 ))
KEY=bench-signing-key-that-is-long-enough-0123456789; PSEUDONYM=bench-pseudonym-key-that-is-long-enough-0123
SERVER_PID=
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build -c Release src/GraphQlRegistry.Api >/dev/null
dotnet build -c Release src/GraphQlRegistry.Cli >/dev/null
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_postgres "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
# Durable settings (fsync and synchronous_commit on, the defaults), as SQLite runs with synchronous=FULL.
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB ${PG_SETTINGS:-}" start >/dev/null
PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=registry;Maximum Pool Size=64"
psql() { command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d registry -tAc "$1"; }

QUERY='query Kyc($id: ID!) { citizen(personalId: $id) { personalId fullName dateOfBirth sex nationality placeOfOrigin permanentAddress { provinceCode province district commune street } currentAddress { provinceCode province district commune street } } }'
printf '%-10s %11s %9s %8s %8s %10s %12s\n' provider connections req/s p50 p99 entries/s bytes/entry
for PROVIDER in ${PROVIDERS:-Sqlite Postgres}; do
  DATA="$WORK/data-$PROVIDER"; mkdir -p "$DATA"
  ENVIRONMENT=(ASPNETCORE_ENVIRONMENT=Production Registry__DataDirectory="$DATA" Registry__Jwt__SigningKey=$KEY
    Registry__AccessLog__PseudonymKey=$PSEUDONYM Registry__Demo__Citizens="$CITIZENS" Registry__Database__Provider=$PROVIDER
    Registry__Limits__RequestsPerSecondPerCaller=1000000 Logging__LogLevel__Default=Warning)
  [ "$PROVIDER" = Postgres ] && ENVIRONMENT+=(ConnectionStrings__Registry="$PG")
  env "${ENVIRONMENT[@]}" dotnet src/GraphQlRegistry.Api/bin/Release/net10.0/GraphQlRegistry.Api.dll --urls "http://127.0.0.1:$PORT" >"$WORK/server-$PROVIDER.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break; sleep 0.5; done
  CLI=(env Registry__Jwt__SigningKey=$KEY Registry__AccessLog__PseudonymKey=$PSEUDONYM dotnet src/GraphQlRegistry.Cli/bin/Release/net10.0/registry.dll)
  TOKEN=$("${CLI[@]}" token --org demo-credit-institution --purpose KYC --minutes 120 --data "$DATA")
  ID=$(curl -s "http://127.0.0.1:$PORT/graphql" -H "Authorization: Bearer $("${CLI[@]}" token --org demo-state-agency --data "$DATA")" \
    -H 'Content-Type: application/json' -d '{"query":"{ citizens(first: 1) { edges { node { personalId } } } }"}' | grep -o '[0-9]\{12\}' | head -1)
  SCRIPT="$WORK/kyc.lua"
  cat > "$SCRIPT" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '{"query":"$QUERY","variables":{"id":"$ID"}}'
LUA
  entries() { if [ "$PROVIDER" = Sqlite ]; then sqlite_entries; else psql 'SELECT COALESCE(MAX("Start" + "EntryCount" - 1), 0) FROM "AccessLogRequests"'; fi; }
  sqlite_entries() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COALESCE(MAX(Start + EntryCount - 1),0) FROM AccessLogRequests').fetchone()[0])" "$DATA/access-log.db"; }
  for C in 1 "$CONNECTIONS"; do
    wrk -t"$(( C < 2 ? 1 : 2 ))" -c"$C" -d5s -s "$SCRIPT" "http://127.0.0.1:$PORT/graphql" >/dev/null
    BEFORE=$(entries)
    OUT=$(wrk -t"$(( C < 2 ? 1 : 2 ))" -c"$C" -d"${DURATION}s" -s "$SCRIPT" --latency "http://127.0.0.1:$PORT/graphql")
    AFTER=$(entries)
    if echo "$OUT" | grep -q "Non-2xx"; then echo "$PROVIDER answered errors:"; echo "$OUT"; exit 1; fi
    if [ "$PROVIDER" = Sqlite ]; then BYTES=$(( $(stat -c %s "$DATA/access-log.db") + $(stat -c %s "$DATA/access-log.db-wal" 2>/dev/null || echo 0) ));
    else BYTES=$(psql "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'AccessLog%'"); fi
    printf '%-10s %11s %9s %8s %8s %10s %12s\n' "$PROVIDER" "$C" "$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')" \
      "$(echo "$OUT" | awk '$1=="50%" {print $2}')" "$(echo "$OUT" | awk '$1=="99%" {print $2}')" \
      "$(( (AFTER - BEFORE) / DURATION ))" "$(( BYTES / (AFTER > 0 ? AFTER : 1) ))"
  done
  if [ "$PROVIDER" = Sqlite ]; then REGISTRY_BYTES=$(stat -c %s "$DATA/registry.db");
  else REGISTRY_BYTES=$(psql "SELECT pg_total_relation_size('\"Citizens\"') + pg_total_relation_size('\"Grants\"')"); fi
  echo "$PROVIDER registry: $(( REGISTRY_BYTES / CITIZENS )) bytes per citizen (citizens and grants, with indexes)"
  if [ "$PROVIDER" = Postgres ] && [[ "${PG_SETTINGS:-}" == *pg_stat_statements* ]]; then
    # Where a lookup's database time goes: calls and mean server time per statement, over every run above.
    psql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
    psql "SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 90)
          FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'registry') ORDER BY calls DESC LIMIT 12"
  fi
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
done
