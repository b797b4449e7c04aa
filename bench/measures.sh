#!/usr/bin/env bash
# Measures benchmark (issue 3): the application on a new embedded database with the demo data,
# then a large data set generated in PostgreSQL (bench/measures-data.sql: 300,000 persons and
# 1,000,000 measures over the 150 demo associations, row-level security on for the application),
# then bench/MeasuresLoad.java: 50 signed-in users on caseload pages and person searches, report
# PDFs, and a static asset as baseline in the same run; finally bench/measures-import.sh when it
# exists. Prints the result lines of bench/run; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${BENCH_JAR:-target/passerelle.jar}"
PORT="${BENCH_PORT:-18080}"
DB_PORT="${BENCH_DB_PORT:-15433}"
USERS="${BENCH_USERS:-50}"
DURATION="${BENCH_DURATION_S:-30}"
THINK_MS="${BENCH_THINK_MS:-1000}"
PDF_USERS="${BENCH_PDF_USERS:-5}"
PERSONS="${BENCH_PERSONS:-300000}"
MEASURES="${BENCH_MEASURES:-1000000}"
DATA_DIR="$(mktemp -d /tmp/passerelle-bench-XXXXXX)"
LOG="$DATA_DIR/app.log"
PID=""
SAMPLER=""

cleanup() {
  if [ -n "$SAMPLER" ]; then kill "$SAMPLER" 2>/dev/null || true; fi
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

# Runs SQL as the owner role of the embedded cluster: with psql when installed, else through JDBC.
owner_sql() {
  local file="$1"
  if command -v psql >/dev/null 2>&1; then
    psql -X -q -v ON_ERROR_STOP=1 -o /dev/null -h localhost -p "$DB_PORT" -U passerelle_owner -d passerelle -f "$file"
  else
    local driver
    driver=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' ! -name '*sources*' | sort -V | tail -1)
    if [ -z "$driver" ]; then echo "bench: neither psql nor the PostgreSQL JDBC driver in ~/.m2" >&2; exit 1; fi
    java -cp "$driver" bench/RunSql.java "jdbc:postgresql://localhost:$DB_PORT/passerelle" passerelle_owner "$file"
  fi
}

owner_value() {
  echo "$1" >"$DATA_DIR/query.sql"
  if command -v psql >/dev/null 2>&1; then
    psql -X -At -h localhost -p "$DB_PORT" -U passerelle_owner -d passerelle -f "$DATA_DIR/query.sql"
  fi
}

# Extra application arguments (investigations), e.g. BENCH_APP_ARGS='--spring.mvc.static-path-pattern=...'
read -ra APP_ARGS <<<"${BENCH_APP_ARGS:-}"
echo "bench: starting the application with the demo data (new data directory)..." >&2
java -jar "$JAR" --server.port="$PORT" --passerelle.embedded-db.data-dir="$DATA_DIR/pg" \
  --passerelle.embedded-db.port="$DB_PORT" --passerelle.demo.enabled=true --logging.level.root=WARN \
  --passerelle.demo.persons-per-association=0 \
  ${APP_ARGS[@]+"${APP_ARGS[@]}"} >>"$LOG" 2>&1 &
PID=$!
for i in $(seq 1 2400); do
  if curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "bench: application died, see below" >&2; tail -50 "$LOG" >&2; exit 1; fi
  if [ "$i" = 2400 ]; then echo "bench: application not ready after 120 s" >&2; exit 1; fi
  sleep 0.05
done

echo "bench: generating $PERSONS persons and $MEASURES measures in PostgreSQL..." >&2
sed -e "s/__PERSONS__/$PERSONS/g" -e "s/__MEASURES__/$MEASURES/g" bench/measures-data.sql >"$DATA_DIR/data.sql"
echo "vacuum analyze person, measure, measure_transition;" >"$DATA_DIR/vacuum.sql"
started=$(date +%s.%N)
owner_sql "$DATA_DIR/data.sql"
owner_sql "$DATA_DIR/vacuum.sql"
generated=$(date +%s.%N)

# The load average of the machine while the load runs (other work on the machine shows here).
(while true; do cut -d' ' -f1 /proc/loadavg; sleep 5; done) >"$DATA_DIR/loadavg" &
SAMPLER=$!
echo "bench: $USERS users, ${DURATION} s per phase, think time ${THINK_MS} ms..." >&2
java bench/MeasuresLoad.java "http://localhost:$PORT" "$USERS" "$DURATION" "$THINK_MS" "$PDF_USERS" >"$DATA_DIR/results"

if [ -x bench/measures-import.sh ]; then
  echo "bench: import benchmark..." >&2
  BASE_URL="http://localhost:$PORT" APP_PID="$PID" bench/measures-import.sh >>"$DATA_DIR/results"
else
  echo "bench: import benchmark not available" >&2
fi
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""

awk -v a="$generated" -v b="$started" 'BEGIN { printf "bench=measures metric=data_generation_s value=%.1f unit=s\n", a - b }'
cat "$DATA_DIR/results"
awk '{ s += $1; if ($1 > m) m = $1 } END { if (NR) printf "bench=measures metric=load_average_1m value=%.2f unit=load\nbench=measures metric=load_average_1m_max value=%.2f unit=load\n", s / NR, m }' \
  "$DATA_DIR/loadavg"
flagship="(select organisation_id from app_user where username = 'intervenant')"
if command -v psql >/dev/null 2>&1; then
  printf 'bench=measures metric=dataset_persons value=%s unit=rows\n' "$(owner_value "select count(*) from person")"
  printf 'bench=measures metric=dataset_measures value=%s unit=rows\n' "$(owner_value "select count(*) from measure")"
  printf 'bench=measures metric=dataset_flagship_measures value=%s unit=rows\n' \
    "$(owner_value "select count(*) from measure where organisation_id = $flagship")"
  printf 'bench=measures metric=dataset_intervenant_open_measures value=%s unit=rows\n' \
    "$(owner_value "select count(*) from measure where assigned_user_id = (select id from app_user where username = 'intervenant') and status not in ('ENDED', 'CLOSED')")"
fi
