#!/usr/bin/env bash
# Replay benchmark (issue 4): the application on a new embedded database replays the consultation of
# document 004 through the real vote path (ConsultationReplay: 10,200 participants, 837 proposals,
# 135,395 votes with signed keys), then runs the analysis job on it, and exits. Prints the lines of
# bench/run: replay_s (the replay) and replay_analysis_s (the analysis job on the replayed votes,
# loading them from the database included). BENCH_REPLAY_SCALE=0.1 replays a tenth.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${BENCH_JAR:-target/passerelle.jar}"
PORT="${BENCH_PORT:-18083}"
DB_PORT="${BENCH_DB_PORT:-15436}"
SCALE="${BENCH_REPLAY_SCALE:-1.0}"
DATA_DIR="$(mktemp -d /tmp/passerelle-bench-replay-XXXXXX)"
LOG="$DATA_DIR/app.log"
trap 'rm -rf "$DATA_DIR"' EXIT

echo "bench: replaying document 004 at scale $SCALE (new data directory)..." >&2
java -jar "$JAR" --server.port="$PORT" --passerelle.embedded-db.data-dir="$DATA_DIR/pg" \
  --passerelle.embedded-db.port="$DB_PORT" --passerelle.demo.enabled=true --logging.level.root=WARN \
  --passerelle.demo.persons-per-association=0 --passerelle.demo.case-persons=0 \
  --passerelle.replay.enabled=true --passerelle.replay.scale="$SCALE" --passerelle.replay.exit=true \
  >"$LOG" 2>&1 || { echo "bench: the replay failed, see below" >&2; tail -50 "$LOG" >&2; exit 1; }
grep -E '^replay' "$LOG" >&2
REPLAY=$(grep -E '^replay: ' "$LOG" | sed -E 's/.*seconds=([0-9.]+).*/\1/')
ANALYSIS=$(grep -E '^replay-analysis: ' "$LOG" | sed -E 's/.*seconds=([0-9.]+).*/\1/')
echo "bench=replay metric=replay_s value=$REPLAY unit=s"
echo "bench=analysis metric=replay_analysis_s value=$ANALYSIS unit=s baseline=2 ratio=$(awk -v a="$ANALYSIS" 'BEGIN { printf "%.3f", a / 2 }')"
