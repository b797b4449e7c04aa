#!/usr/bin/env bash
# Programmes benchmark (issue 17): the application on a new embedded database with the demo data,
# then bench/programmes-data.sql generates in PostgreSQL as many library sheets as asked (3,000 by
# default: the 30 real ones and copies of them under new titles, each with three versions) and
# bench/programmes-indicators.sql a programme of 500 beneficiaries with 20,000 attendance rows; then
# bench/PageLoad.java programmes: 20 signed-in case workers searching the library in French (words,
# facets, both, none), then 20 signed-in coordinators reading that programme's indicators page, with
# the style sheet as baseline in the same run.
# Targets: library search p95 <= 30 ms and programme indicators p95 <= 100 ms, at 20 users.
# Needs psql (package postgresql-client). Prints the result lines of bench/run; progress on stderr.
# BENCH_INSPECT=1 stops after the data generation and keeps the application and its database running;
# BENCH_JAVA_OPTS adds options to the application's JVM (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${BENCH_JAR:-target/passerelle.jar}"
PORT="${BENCH_PORT:-18082}"
DB_PORT="${BENCH_DB_PORT:-15436}"
USERS="${BENCH_USERS:-20}"
DURATION="${BENCH_DURATION_S:-30}"
THINK_MS="${BENCH_THINK_MS:-1000}"
SHEETS="${BENCH_SHEETS:-3000}"
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

if ! command -v psql >/dev/null 2>&1; then echo "bench: psql is needed (package postgresql-client)" >&2; exit 1; fi
psql_owner() {
  psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$DB_PORT" -U passerelle_owner -d passerelle "$@"
}

echo "bench: starting the application with the demo data (new data directory)..." >&2
java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --passerelle.embedded-db.data-dir="$DATA_DIR/pg" \
  --passerelle.embedded-db.port="$DB_PORT" --passerelle.demo.enabled=true --logging.level.root=WARN \
  --passerelle.demo.persons-per-association=0 >>"$LOG" 2>&1 &
PID=$!
for i in $(seq 1 2400); do
  if curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "bench: application died, see below" >&2; tail -50 "$LOG" >&2; exit 1; fi
  if [ "$i" = 2400 ]; then echo "bench: application not ready after 120 s" >&2; exit 1; fi
  sleep 0.05
done

echo "bench: generating the library up to $SHEETS sheets in PostgreSQL..." >&2
sed -e "s/__SHEETS__/$SHEETS/g" bench/programmes-data.sql >"$DATA_DIR/data.sql"
started=$(date +%s.%N)
psql_owner -o /dev/null -f "$DATA_DIR/data.sql"
psql_owner -o /dev/null -c "vacuum analyze practice_sheet, practice_sheet_version"
psql_owner -o /dev/null -f bench/programmes-indicators.sql
psql_owner -o /dev/null -c "vacuum analyze programme, programme_beneficiary, programme_attendance, programme_session, programme_contact, programme_orientation"
PROGRAMME=$(psql_owner -At -c "select id from programme where title = 'Programme du banc d''essai'")
generated=$(date +%s.%N)

if [ -n "${BENCH_INSPECT:-}" ]; then
  echo "bench: BENCH_INSPECT set: the application (port $PORT) and its database (port $DB_PORT, user passerelle_owner) keep running until interrupted" >&2
  wait "$PID"
fi

(while true; do cut -d' ' -f1 /proc/loadavg; sleep 5; done) >"$DATA_DIR/loadavg" &
SAMPLER=$!
echo "bench: $USERS users, ${DURATION} s per phase, think time ${THINK_MS} ms..." >&2
java bench/PageLoad.java programmes "http://localhost:$PORT" "$USERS" "$DURATION" "$THINK_MS" "$PROGRAMME" >"$DATA_DIR/results"
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""

awk -v a="$generated" -v b="$started" 'BEGIN { printf "bench=programmes metric=data_generation_s value=%.1f unit=s\n", a - b }'
cat "$DATA_DIR/results"
awk '{ s += $1; if ($1 > m) m = $1 } END { if (NR) printf "bench=programmes metric=load_average_1m value=%.2f unit=load\nbench=programmes metric=load_average_1m_max value=%.2f unit=load\n", s / NR, m }' \
  "$DATA_DIR/loadavg"
value() { psql_owner -At -c "$1"; }
printf 'bench=programmes metric=dataset_sheets value=%s unit=rows\n' \
  "$(value "select count(*) from practice_sheet where status = 'PUBLISHED'")"
printf 'bench=programmes metric=dataset_sheet_versions value=%s unit=rows\n' \
  "$(value "select count(*) from practice_sheet_version")"
printf 'bench=programmes metric=dataset_programme_beneficiaries value=%s unit=rows\n' \
  "$(value "select count(*) from programme_beneficiary where programme_id = '$PROGRAMME'")"
printf 'bench=programmes metric=dataset_programme_attendance value=%s unit=rows\n' \
  "$(value "select count(*) from programme_attendance where programme_id = '$PROGRAMME'")"
