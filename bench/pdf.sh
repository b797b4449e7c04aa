#!/usr/bin/env bash
# Report PDF micro-benchmark (bench/PdfTiming.java): PdfDocuments alone, without the application or
# its database; single-thread ms per document, then documents per second from 4 threads.
# Arguments: renders per measure (200), threads (4), "plain" to also time the same HTML without PDF/A.
# JFR: BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/pdf.jfr,settings=profile" bench/pdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q compile >&2
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-pdf.classpath -Dmdep.includeScope=runtime >&2
exec java ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/bench-pdf.classpath)" bench/PdfTiming.java "$@"
