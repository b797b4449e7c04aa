#!/usr/bin/env bash
# Startup benchmark: cold start (new data directory: PostgreSQL initialisation, migrations, demo
# data) and warm start to readiness, then sign-in throughput against static-asset throughput
# measured on the same server in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/passerelle.jar
PORT="${BENCH_PORT:-18080}"
DURATION="${BENCH_DURATION_S:-15}"
CONCURRENCY="${BENCH_CONCURRENCY:-8}"
DATA_DIR="$(mktemp -d /tmp/passerelle-bench-XXXXXX)"
LOG="$DATA_DIR/app.log"
PID=""

cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

# Starts the application and sets ELAPSED to the seconds until it reports readiness.
start_and_time() {
  local started ready
  started=$(date +%s.%N)
  java -jar "$JAR" --server.port="$PORT" --passerelle.embedded-db.data-dir="$DATA_DIR/pg" \
    --logging.level.root=WARN >>"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
      ready=$(date +%s.%N)
      ELAPSED=$(awk -v a="$ready" -v b="$started" 'BEGIN { print a - b }')
      return 0
    fi
    if ! kill -0 "$PID" 2>/dev/null; then echo "bench: application died, see $LOG" >&2; tail -50 "$LOG" >&2; exit 1; fi
    sleep 0.05
  done
  echo "bench: application not ready after 60 s" >&2
  exit 1
}

stop() {
  kill "$PID"
  wait "$PID" 2>/dev/null || true
  PID=""
}

ELAPSED=""
start_and_time
cold="$ELAPSED"
stop
start_and_time
warm="$ELAPSED"

static_rps=$(java bench/LoadClient.java static "http://localhost:$PORT" "$CONCURRENCY" "$DURATION")
login_rps=$(java bench/LoadClient.java login "http://localhost:$PORT" "$CONCURRENCY" "$DURATION")
stop

printf 'bench=startup metric=cold_start_s value=%.2f unit=s\n' "$cold"
printf 'bench=startup metric=warm_start_s value=%.2f unit=s\n' "$warm"
ratio=$(awk -v a="$login_rps" -v b="$static_rps" 'BEGIN { print a / b }')
printf 'bench=startup metric=login_rps value=%.1f unit=req/s baseline=%.1f ratio=%.4f\n' "$login_rps" "$static_rps" "$ratio"
