#!/usr/bin/env bash
# Sequence benchmark: next-sequence latency with 1,000 accepted proposals (bench/SequenceTiming.java).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeGroupIds=org.hipparchus >&2
exec java -cp "target/classes:$(cat target/bench.classpath)" bench/SequenceTiming.java "$@"
