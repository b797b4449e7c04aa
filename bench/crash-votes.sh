#!/usr/bin/env bash
# Crash benchmark (issue 4): the application on a new embedded database (fsync and synchronous
# commits on) with a consultation of 1,000 accepted proposals; bench/VotesLoad.java votes through
# HTTP and records every acknowledged (2xx) vote; mid-load the application is killed with SIGKILL,
# and so is its PostgreSQL (as a crash of the machine would), then the application restarts on the
# same data directory. Prints how many votes were acknowledged, stored, lost (acknowledged but not
# stored: must be 0) and double counted (counters against the votes table: must be 0).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-18082}"
DB_PORT="${BENCH_DB_PORT:-15435}"
KILL_AFTER="${BENCH_KILL_AFTER_S:-8}"
DATA_DIR="$(mktemp -d /tmp/passerelle-bench-crash-XXXXXX)"
. bench/votes-common.sh

echo "bench: starting the application (new data directory)..." >&2
start_app
create_consultation

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
