#!/usr/bin/env bash
# Network benchmark (issue 18): the application on a new embedded database with the demo data, then
# bench/network-data.sql generates in PostgreSQL the resource library up to 20,000 documents (text,
# tags, three access levels) and a forum thread of 200 replies; then bench/PageLoad.java network:
# 20 signed-in directors searching the library in French (words, tags, both, none) and reading pages
# of that thread; bench/survey-data.sql writes a survey of 60 questions answered by 150 associations,
# whose results page 20 signed-in federation staff read; with the style sheet as baseline in the same run.
# Targets at 20 users: library search p95 <= 50 ms, forum thread page p95 <= 50 ms, survey results
# (150 answers x 60 questions) p95 <= 200 ms.
# Needs psql (package postgresql-client). Prints the result lines of bench/run; progress on stderr.
# BENCH_INSPECT=1 stops after the data generation and keeps the application and its database running.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${BENCH_JAR:-target/passerelle.jar}"
PORT="${BENCH_PORT:-18083}"
DB_PORT="${BENCH_DB_PORT:-15437}"
USERS="${BENCH_USERS:-20}"
DURATION="${BENCH_DURATION_S:-30}"
THINK_MS="${BENCH_THINK_MS:-1000}"
DOCUMENTS="${BENCH_DOCUMENTS:-20000}"
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
# The demo forum and library are written once the application is ready.
for i in $(seq 1 600); do
  if [ "$(psql_owner -At -c "select count(*) from forum_category where name = 'Pratiques professionnelles'")" = "1" ]; then break; fi
  if [ "$i" = 600 ]; then echo "bench: the demo forum was not written after 60 s" >&2; exit 1; fi
  sleep 0.1
done

echo "bench: generating the library up to $DOCUMENTS documents and a thread of 200 replies..." >&2
sed -e "s/__DOCUMENTS__/$DOCUMENTS/g" bench/network-data.sql >"$DATA_DIR/data.sql"
started=$(date +%s.%N)
psql_owner -o /dev/null -f "$DATA_DIR/data.sql"
psql_owner -o /dev/null -c "vacuum analyze network_resource, network_resource_version, forum_thread, forum_post"
THREAD=$(psql_owner -At -c "select id from forum_thread where title = 'Banc d''essai : un sujet de 200 réponses'")
psql_owner -o /dev/null -f bench/survey-data.sql
psql_owner -o /dev/null -c "vacuum analyze survey, survey_question, survey_target, survey_response"
SURVEY=$(psql_owner -At -c "select id from survey where title = 'Banc d''essai : 60 questions'")
generated=$(date +%s.%N)

if [ -n "${BENCH_INSPECT:-}" ]; then
  echo "bench: BENCH_INSPECT set: the application (port $PORT) and its database (port $DB_PORT, user passerelle_owner) keep running until interrupted" >&2
  wait "$PID"
fi

(while true; do cut -d' ' -f1 /proc/loadavg; sleep 5; done) >"$DATA_DIR/loadavg" &
SAMPLER=$!
echo "bench: $USERS users, ${DURATION} s per phase, think time ${THINK_MS} ms..." >&2
java bench/PageLoad.java network "http://localhost:$PORT" "$USERS" "$DURATION" "$THINK_MS" "$THREAD" "$SURVEY" >"$DATA_DIR/results"
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""

awk -v a="$generated" -v b="$started" 'BEGIN { printf "bench=network metric=data_generation_s value=%.1f unit=s\n", a - b }'
cat "$DATA_DIR/results"
awk '{ s += $1; if ($1 > m) m = $1 } END { if (NR) printf "bench=network metric=load_average_1m value=%.2f unit=load\nbench=network metric=load_average_1m_max value=%.2f unit=load\n", s / NR, m }' \
  "$DATA_DIR/loadavg"
value() { psql_owner -At -c "$1"; }
printf 'bench=network metric=dataset_documents value=%s unit=rows\n' "$(value "select count(*) from network_resource")"
printf 'bench=network metric=dataset_thread_posts value=%s unit=rows\n' \
  "$(value "select post_count from forum_thread where id = '$THREAD'")"
printf 'bench=network metric=dataset_survey_answers value=%s unit=rows\n' \
  "$(value "select count(*) from survey_response where survey_id = '$SURVEY' and status = 'SUBMITTED'")"
printf 'bench=network metric=dataset_survey_questions value=%s unit=rows\n' \
  "$(value "select count(*) from survey_question where survey_id = '$SURVEY'")"
