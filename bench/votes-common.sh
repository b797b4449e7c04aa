# Shared by bench/votes.sh and bench/crash-votes.sh (sourced): settings, cleanup, the JDBC driver,
# and start_app, which starts the application on $DATA_DIR/pg (fsync and synchronous commits on)
# and waits until it is ready. All virtual participants come from 127.0.0.1, so the per-address
# rate limit and the limits on new participants per address and network are raised for the run
# (the per-participant limit stays), and the proof of work each participant solves once is made
# easy (it is not part of the vote path).
JAR="${BENCH_JAR:-target/passerelle.jar}"
CONCURRENCY="${BENCH_CONCURRENCY:-32}"
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
  java ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --passerelle.embedded-db.data-dir="$DATA_DIR/pg" \
    --passerelle.embedded-db.port="$DB_PORT" --passerelle.demo.enabled=true --logging.level.root=WARN \
    --passerelle.demo.persons-per-association=0 --passerelle.demo.case-persons=0 \
    --passerelle.consultation.key-secret=bench-secret-of-the-consultation-keys \
    --passerelle.consultation.address-votes-per-second=1000000 --passerelle.consultation.address-burst=1000000 \
    --passerelle.consultation.issue.per-address=1000000 --passerelle.consultation.issue.per-network=1000000 --passerelle.consultation.issue.per-wide-network=1000000 \
    --passerelle.consultation.issue.proof-max-number=1000 --passerelle.consultation.issue.proof-max-number-ceiling=1000 \
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

# A published consultation of the demo public body with 1,000 accepted proposals.
create_consultation() {
  java -cp "$DRIVER" bench/RunSql.java "$JDBC" passerelle_owner bench/votes-data.sql
}
