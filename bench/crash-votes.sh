#!/usr/bin/env bash
# Crash benchmark (issue 4): the application on a new embedded database (fsync on) with a
# consultation of 1,000 accepted proposals; bench/VotesLoad.java votes through HTTP and records
# every acknowledged (2xx) vote; mid-load the application is killed with SIGKILL, and so is its
# PostgreSQL (as a crash of the machine would), then the application restarts on the same data
# directory. Prints how many votes were acknowledged, stored, lost (acknowledged but not stored:
# must be 0) and double counted (counters against the votes table: must be 0).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${BENCH_JAR:-target/passerelle.jar}"
PORT="${BENCH_PORT:-18082}"
DB_PORT="${BENCH_DB_PORT:-15435}"
CONCURRENCY="${BENCH_CONCURRENCY:-32}"
KILL_AFTER="${BENCH_KILL_AFTER_S:-8}"
DATA_DIR="$(mktemp -d /tmp/passerelle-bench-crash-XXXXXX)"
LOG="$DATA_DIR/app.log"
PID=""

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

DRIVER=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' ! -name '*sources*' | sort -V | tail -1)
if [ -z "$DRIVER" ]; then echo "bench: the PostgreSQL JDBC driver is not in ~/.m2" >&2; exit 1; fi
JDBC="jdbc:postgresql://localhost:$DB_PORT/passerelle"

start_app() {
  java -jar "$JAR" --server.port="$PORT" --passerelle.embedded-db.data-dir="$DATA_DIR/pg" \
    --passerelle.embedded-db.port="$DB_PORT" --passerelle.demo.enabled=true --logging.level.root=WARN \
    --passerelle.demo.persons-per-association=0 --passerelle.demo.case-persons=0 \
    --passerelle.consultation.key-secret=bench-secret-of-the-consultation-keys \
    --passerelle.consultation.address-votes-per-second=1000000 --passerelle.consultation.address-burst=1000000 \
    >>"$LOG" 2>&1 &
  PID=$!
  for i in $(seq 1 2400); do
    if curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then return; fi
    if ! kill -0 "$PID" 2>/dev/null; then echo "bench: application died, see below" >&2; tail -50 "$LOG" >&2; exit 1; fi
    sleep 0.05
  done
  echo "bench: application not ready after 120 s" >&2
  exit 1
}

echo "bench: starting the application (new data directory)..." >&2
start_app
java -cp "$DRIVER" bench/RunSql.java "$JDBC" passerelle_owner bench/votes-data.sql

echo "bench: voting, SIGKILL after ${KILL_AFTER} s..." >&2
java -cp "target/classes:$DRIVER" bench/VotesLoad.java crash "http://localhost:$PORT" bench-votes "$CONCURRENCY" \
  $((KILL_AFTER + 10)) "$DATA_DIR/acknowledged" &
CLIENT=$!
sleep "$KILL_AFTER"
POSTMASTER=$(head -1 "$DATA_DIR/pg/postmaster.pid")
BACKENDS=$(ps -o pid= --ppid "$POSTMASTER" || true)
kill -9 "$PID"
kill -9 "$POSTMASTER" $BACKENDS 2>/dev/null || true
wait "$PID" 2>/dev/null || true
PID=""
wait "$CLIENT"

echo "bench: restarting on the same data directory..." >&2
start_app
java -cp "target/classes:$DRIVER" bench/VotesLoad.java verify "$JDBC" passerelle_owner \
  00000000-0000-4000-8000-00000000b0fe "$DATA_DIR/acknowledged"
