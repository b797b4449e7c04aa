#!/usr/bin/env bash
# Votes benchmark (issue 4): the application on a new embedded database (fsync and synchronous
# commits on), a published consultation with 1,000 accepted proposals (bench/votes-data.sql), then
# bench/VotesLoad.java: BENCH_PARTICIPANTS (4,000) virtual participants open the voting sequence
# (cookie, signed keys) and post their 12 votes each through the real JSON endpoint,
# BENCH_CONCURRENCY at a time, after others have voted unmeasured in rounds of 1,000 until the
# throughput stops rising (the just-in-time compiler's steady state: 8 rounds or more; at most
# BENCH_WARMUP_ROUNDS, 30; each round's throughput goes to stderr); in the same run, the same
# vote statement directly over JDBC gives PostgreSQL's ceiling (one vote per transaction: the
# baseline; 32 per transaction: what group commit can reach).
# Prints the result lines of bench/run; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${BENCH_PORT:-18081}"
DB_PORT="${BENCH_DB_PORT:-15434}"
PARTICIPANTS="${BENCH_PARTICIPANTS:-4000}"
DATA_DIR="$(mktemp -d /tmp/passerelle-bench-votes-XXXXXX)"
. bench/votes-common.sh

echo "bench: starting the application (new data directory)..." >&2
start_app
echo "bench: a consultation with 1,000 accepted proposals..." >&2
create_consultation

echo "bench: $PARTICIPANTS participants × 12 votes, $CONCURRENCY at a time, then the JDBC ceiling..." >&2
java -cp "target/classes:$DRIVER" bench/VotesLoad.java load "http://localhost:$PORT" bench-votes "$PARTICIPANTS" \
  "$CONCURRENCY" "$JDBC" passerelle_owner passerelle_app
