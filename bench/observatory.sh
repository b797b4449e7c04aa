#!/usr/bin/env bash
# Observatory benchmark (issue 5): the application on a new embedded database with the demo data
# (150 associations), then 1,000,000 measures generated in PostgreSQL (bench/measures-data.sql, the
# measures benchmark's data set, with first interviews and ends from bench/observatory-timeline.sql),
# then:
#   rebuild_s      the aggregates counted again from scratch (observatory_requeue_all, then the
#                  refresh in batches until nothing waits), as the application does it;
#   freshness_s    under a steady flow of measure updates (about 20 a second), the longest time from
#                  a measure ending to the national aggregate that counts it, over several probes;
#   national_p95_ms / association_p95_ms
#                  bench/ObservatoryLoad.java: signed-in users on the national observatory (and on
#                  the association dashboard of the flagship association, BENCH_ASSOCIATION_PATH)
#                  with varied periods and filters.
# Needs psql (package postgresql-client). Prints the result lines of bench/run; progress on stderr.
# BENCH_INSPECT=1 stops after the rebuild and keeps the application and its database running (for
# investigations with psql) until interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${BENCH_JAR:-target/passerelle.jar}"
PORT="${BENCH_PORT:-18080}"
DB_PORT="${BENCH_DB_PORT:-15434}"
USERS="${BENCH_USERS:-20}"
DURATION="${BENCH_DURATION_S:-60}"
THINK_MS="${BENCH_THINK_MS:-1000}"
PERSONS="${BENCH_PERSONS:-300000}"
MEASURES="${BENCH_MEASURES:-1000000}"
PROBES="${BENCH_FRESHNESS_PROBES:-6}"
DEFAULT_ASSOCIATION_PATH='/indicators?from={from}&to={to}'
ASSOCIATION_PATH="${BENCH_ASSOCIATION_PATH:-$DEFAULT_ASSOCIATION_PATH}"
DATA_DIR="$(mktemp -d /tmp/passerelle-bench-XXXXXX)"
LOG="$DATA_DIR/app.log"
PID=""
FLOW=""

cleanup() {
  if [ -n "$FLOW" ]; then kill "$FLOW" 2>/dev/null || true; fi
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

if ! command -v psql >/dev/null 2>&1; then
  echo "bench: psql is needed (apt-get install -y postgresql-client)" >&2
  exit 1
fi
psql_owner() {
  psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$DB_PORT" -U passerelle_owner -d passerelle "$@"
}
value() {
  psql -X -At -v ON_ERROR_STOP=1 -h localhost -p "$DB_PORT" -U passerelle_owner -d passerelle -c "$1"
}
now() { date +%s.%N; }

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

# The generator writes a million measures at once: the queueing triggers are switched off for it,
# since the rebuild below counts everything anyway.
echo "bench: generating $PERSONS persons and $MEASURES measures in PostgreSQL..." >&2
psql_owner -c "alter table measure disable trigger measures_queue_on_insert;
               alter table measure_transition disable trigger measures_queue_on_insert;
               alter table measure_transition disable trigger measure_dates_on_insert;"
sed -e "s/__PERSONS__/$PERSONS/g" -e "s/__MEASURES__/$MEASURES/g" bench/measures-data.sql >"$DATA_DIR/data.sql"
psql_owner -o /dev/null -f "$DATA_DIR/data.sql"
psql_owner -o /dev/null -f bench/observatory-timeline.sql
psql_owner -c "vacuum analyze person, measure, measure_transition;"
psql_owner -c "alter table measure enable trigger measures_queue_on_insert;
               alter table measure_transition enable trigger measures_queue_on_insert;
               alter table measure_transition enable trigger measure_dates_on_insert;"

echo "bench: rebuilding the aggregates from scratch..." >&2
started=$(now)
value "select observatory_requeue_all()" >/dev/null
# The application's own refresh job may take batches too: wait until nothing is left.
while [ "$(value "select waiting from observatory_backlog()")" != "0" ]; do
  value "select observatory_refresh(20000)" >/dev/null
done
rebuilt=$(now)
psql_owner -c "vacuum analyze obs_month;"
rows=$(value "select count(*) from obs_month")
echo "bench: $rows aggregate rows" >&2
if [ -n "${BENCH_INSPECT:-}" ]; then
  awk -v a="$rebuilt" -v b="$started" 'BEGIN { printf "bench=observatory metric=rebuild_s value=%.1f unit=s\n", a - b }'
  echo "bench: inspect with psql -h localhost -p $DB_PORT -U passerelle_owner -d passerelle, or http://localhost:$PORT; Ctrl-C to stop" >&2
  while true; do sleep 60; done
fi

# A steady flow of updates: about 20 measures a second end (own transactions), as long as it runs.
cat >"$DATA_DIR/flow.sql" <<'SQL'
do $$
declare
  m record;
begin
  for i in 1..100000 loop
    select id, organisation_id, status into m from measure
    where status in ('ASSIGNED', 'IN_PROGRESS') and id >= (select gen_random_uuid()) order by id limit 1;
    if found then
      insert into measure_transition (id, organisation_id, measure_id, action, from_status, to_status, outcome,
                                      occurred_at, effective_on, actor_name)
      values (gen_random_uuid(), m.organisation_id, m.id, 'END', m.status, 'ENDED', 'COMPLETED', now(),
              current_date, 'bench');
      update measure set status = 'ENDED', outcome = 'COMPLETED' where id = m.id;
    end if;
    commit;
    perform pg_sleep(0.05);
  end loop;
end $$;
SQL
psql_owner -o /dev/null -f "$DATA_DIR/flow.sql" >/dev/null 2>&1 &
FLOW=$!

# Probes: end one measure of a sharing association, then watch its aggregate row.
worst=0
for probe in $(seq 1 "$PROBES"); do
  read -r measure org court type status <<<"$(value "select m.id, m.organisation_id, m.court_code, t.code, m.status
      from measure m join measure_type t on t.id = m.measure_type_id join organisation o on o.id = m.organisation_id
      where o.shares_statistics and m.status in ('ASSIGNED', 'IN_PROGRESS') and m.id >= (select gen_random_uuid())
      order by m.id limit 1" | tr '|' ' ')"
  month="date_trunc('month', now() at time zone 'Europe/Paris')::date"
  counted="select coalesce(sum(ended_revoked), 0) from obs_month where organisation_id = '$org'
      and court_code = '$court' and type_code = '$type' and month = $month"
  before=$(value "$counted")
  t0=$(now)
  value "begin;
    insert into measure_transition (id, organisation_id, measure_id, action, from_status, to_status, outcome,
                                    occurred_at, effective_on, actor_name)
    values (gen_random_uuid(), '$org', '$measure', 'END', '$status', 'ENDED', 'REVOKED', now(), current_date, 'bench');
    update measure set status = 'ENDED', outcome = 'REVOKED' where id = '$measure';
    commit;" >/dev/null
  while [ "$(value "$counted")" -le "$before" ]; do
    if awk -v a="$(now)" -v b="$t0" 'BEGIN { exit !(a - b > 300) }'; then
      echo "bench: probe $probe not counted after 300 s" >&2; exit 1
    fi
    sleep 0.2
  done
  took=$(awk -v a="$(now)" -v b="$t0" 'BEGIN { printf "%.1f", a - b }')
  echo "bench: probe $probe: counted after $took s" >&2
  worst=$(awk -v a="$took" -v b="$worst" 'BEGIN { print (a > b ? a : b) }')
  sleep "$(awk -v p="$probe" 'BEGIN { srand(p); printf "%.1f", rand() * 5 }')"
done

echo "bench: $USERS users, ${DURATION} s, think time ${THINK_MS} ms (updates still flowing)..." >&2
java bench/ObservatoryLoad.java "http://localhost:$PORT" "$USERS" "$DURATION" "$THINK_MS" "$ASSOCIATION_PATH" \
  >"$DATA_DIR/results"

awk -v a="$rebuilt" -v b="$started" 'BEGIN { printf "bench=observatory metric=rebuild_s value=%.1f unit=s\n", a - b }'
printf 'bench=observatory metric=freshness_s value=%s unit=s\n' "$worst"
cat "$DATA_DIR/results"
printf 'bench=observatory metric=dataset_measures value=%s unit=rows\n' "$(value "select count(*) from measure")"
printf 'bench=observatory metric=aggregate_rows value=%s unit=rows\n' "$rows"
printf 'bench=observatory metric=sharing_associations value=%s unit=associations\n' \
  "$(value "select count(*) from organisation where kind = 'ASSOCIATION' and shares_statistics")"
