#!/usr/bin/env bash
# Analysis benchmark (bench/AnalysisTiming.java): the replay scale (10,200 participants × 837
# proposals, 135,395 votes; target ≤ 2 s), then a large conversation (100,000 × 5,000, 5,000,000
# votes; target ≤ 60 s) in a 1 GiB heap. Each run is a fresh JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeGroupIds=org.hipparchus >&2
CP="target/classes:$(cat target/bench.classpath)"
java -cp "$CP" bench/AnalysisTiming.java 10200 837 135395 replay
java -Xmx1g -cp "$CP" bench/AnalysisTiming.java 100000 5000 5000000 large
# Then the analysis job itself on the consultation of document 004 replayed through the real vote
# path and stored in the database (bench/replay.sh): replay_s and replay_analysis_s.
bench/replay.sh
