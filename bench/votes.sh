#!/usr/bin/env bash
# Votes benchmark (issue 4): the application on a new embedded database (fsync on), a published
# consultation with 1,000 accepted proposals (bench/votes-data.sql), then bench/VotesLoad.java:
# BENCH_PARTICIPANTS virtual participants open the voting sequence (cookie, signed keys) and post
# their 12 votes each through the real JSON endpoint, BENCH_CONCURRENCY at a time; in the same run,
# the same vote statement directly over JDBC gives PostgreSQL's ceiling. All virtual participants
# come from 127.0.0.1, so the per-address rate limit is raised for the run (the per-participant
# limit stays). Prints the result lines of bench/run; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${BENCH_JAR:-target/passerelle.jar}"
PORT="${BENCH_PORT:-18081}"
DB_PORT="${BENCH_DB_PORT:-15434}"
PARTICIPANTS="${BENCH_PARTICIPANTS:-2000}"
CONCURRENCY="${BENCH_CONCURRENCY:-32}"
DATA_DIR="$(mktemp -d /tmp/passerelle-bench-votes-XXXXXX)"
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

echo "bench: starting the application (new data directory)..." >&2
java -jar "$JAR" --server.port="$PORT" --passerelle.embedded-db.data-dir="$DATA_DIR/pg" \
  --passerelle.embedded-db.port="$DB_PORT" --passerelle.demo.enabled=true --logging.level.root=WARN \
  --passerelle.demo.persons-per-association=0 --passerelle.demo.case-persons=0 \
  --passerelle.consultation.key-secret=bench-secret-of-the-consultation-keys \
  --passerelle.consultation.address-votes-per-second=1000000 --passerelle.consultation.address-burst=1000000 \
  >>"$LOG" 2>&1 &
PID=$!
for i in $(seq 1 2400); do
  if curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "bench: application died, see below" >&2; tail -50 "$LOG" >&2; exit 1; fi
  if [ "$i" = 2400 ]; then echo "bench: application not ready after 120 s" >&2; exit 1; fi
  sleep 0.05
done

echo "bench: a consultation with 1,000 accepted proposals..." >&2
java -cp "$DRIVER" bench/RunSql.java "$JDBC" passerelle_owner bench/votes-data.sql

echo "bench: $PARTICIPANTS participants × 12 votes, $CONCURRENCY at a time, then the JDBC ceiling..." >&2
java -cp "target/classes:$DRIVER" bench/VotesLoad.java load "http://localhost:$PORT" bench-votes "$PARTICIPANTS" \
  "$CONCURRENCY" "$JDBC" passerelle_owner passerelle_app
