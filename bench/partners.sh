#!/usr/bin/env bash
# Partners benchmark (issue 16): the application on a new embedded database with the demo data
# (150 associations), then bench/partners-data.sql generates in PostgreSQL 5,000 partner sites,
# 40,000 places and about 2 million booking-days over those associations, then
# bench/PageLoad.java partners: 20 signed-in case workers of the flagship association searching free
# places and opening the occupancy calendar of a 30-place site, with the style sheet as baseline
# in the same run. Targets: place search p95 <= 50 ms, calendar p95 <= 100 ms.
# Needs psql (package postgresql-client). Prints the result lines of bench/run; progress on stderr.
# BENCH_INSPECT=1 stops after the data generation and keeps the application and its database running
# (for investigations with psql and EXPLAIN ANALYZE) until interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${BENCH_JAR:-target/passerelle.jar}"
PORT="${BENCH_PORT:-18081}"
DB_PORT="${BENCH_DB_PORT:-15435}"
USERS="${BENCH_USERS:-20}"
DURATION="${BENCH_DURATION_S:-30}"
THINK_MS="${BENCH_THINK_MS:-1000}"
SITES="${BENCH_SITES:-5000}"
PLACES="${BENCH_PLACES:-40000}"
BOOKINGS_PER_PLACE="${BENCH_BOOKINGS_PER_PLACE:-2}"
CALENDAR_SITE="00000000-0000-4000-8000-000000000030"
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
java -jar "$JAR" --server.port="$PORT" --passerelle.embedded-db.data-dir="$DATA_DIR/pg" \
  --passerelle.embedded-db.port="$DB_PORT" --passerelle.demo.enabled=true --logging.level.root=WARN \
  --passerelle.demo.persons-per-association=0 >>"$LOG" 2>&1 &
PID=$!
for i in $(seq 1 2400); do
  if curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "bench: application died, see below" >&2; tail -50 "$LOG" >&2; exit 1; fi
  if [ "$i" = 2400 ]; then echo "bench: application not ready after 120 s" >&2; exit 1; fi
  sleep 0.05
done

echo "bench: generating $SITES partner sites, $PLACES places and their bookings in PostgreSQL..." >&2
sed -e "s/__SITES__/$SITES/g" -e "s/__PLACES__/$PLACES/g" -e "s/__BOOKINGS_PER_PLACE__/$BOOKINGS_PER_PLACE/g" \
  bench/partners-data.sql >"$DATA_DIR/data.sql"
started=$(date +%s.%N)
psql_owner -o /dev/null -f "$DATA_DIR/data.sql"
psql_owner -o /dev/null -c "vacuum analyze partner, partner_site, partner_level_assessment, partner_place, place_booking"
generated=$(date +%s.%N)

if [ -n "${BENCH_INSPECT:-}" ]; then
  echo "bench: BENCH_INSPECT set: the application (port $PORT) and its database (port $DB_PORT, user passerelle_owner) keep running until interrupted" >&2
  wait "$PID"
fi

(while true; do cut -d' ' -f1 /proc/loadavg; sleep 5; done) >"$DATA_DIR/loadavg" &
SAMPLER=$!
echo "bench: $USERS users, ${DURATION} s per phase, think time ${THINK_MS} ms..." >&2
java bench/PageLoad.java partners "http://localhost:$PORT" "$USERS" "$DURATION" "$THINK_MS" "$CALENDAR_SITE" \
  >"$DATA_DIR/results"
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""

awk -v a="$generated" -v b="$started" 'BEGIN { printf "bench=partners metric=data_generation_s value=%.1f unit=s\n", a - b }'
cat "$DATA_DIR/results"
awk '{ s += $1; if ($1 > m) m = $1 } END { if (NR) printf "bench=partners metric=load_average_1m value=%.2f unit=load\nbench=partners metric=load_average_1m_max value=%.2f unit=load\n", s / NR, m }' \
  "$DATA_DIR/loadavg"
value() { psql_owner -At -c "$1"; }
printf 'bench=partners metric=dataset_associations value=%s unit=rows\n' \
  "$(value "select count(distinct organisation_id) from partner_site")"
printf 'bench=partners metric=dataset_partner_sites value=%s unit=rows\n' "$(value "select count(*) from partner_site")"
printf 'bench=partners metric=dataset_places value=%s unit=rows\n' "$(value "select count(*) from partner_place")"
printf 'bench=partners metric=dataset_booking_days value=%s unit=days\n' \
  "$(value "select sum(upper(held) - lower(held)) from place_booking where not isempty(held)")"
printf 'bench=partners metric=dataset_flagship_places value=%s unit=rows\n' \
  "$(value "select count(*) from partner_place where organisation_id = (select organisation_id from app_user where username = 'intervenant')")"
printf 'bench=partners metric=dataset_calendar_site_places value=%s unit=rows\n' \
  "$(value "select count(*) from partner_place where site_id = '$CALENDAR_SITE'")"
