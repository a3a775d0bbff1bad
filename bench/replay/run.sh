#!/bin/sh
# Replays each corpus RUNS times (default 5) on one embedded PostgreSQL 15 and prints per-corpus
# timings: reading and splitting the files, checking extensions, creating a scratch database,
# the environment step and every migration over one session; the database drop is included.
set -eu
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Dconsolidate.projectRoot="$PWD" ${CONSOLIDATE_CORPORA:+-Dconsolidate.corpora="$CONSOLIDATE_CORPORA"} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.consolidate.replay.ReplayBench "$RUNS"
