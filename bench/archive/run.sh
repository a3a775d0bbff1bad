#!/bin/sh
# Archives a generated Supabase history of FILES files of BYTES bytes each, RUNS times, calling the
# step directly (prepare, moves, undo), then JOB_FILES files through the job machinery (execute and
# rollback, every move a durable checkpoint), and prints the timings.
set -eu
cd "$(dirname "$0")/../.."
FILES="${1:-1000}"
BYTES="${2:-4096}"
RUNS="${3:-5}"
JOB_FILES="${4:-200}"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.consolidate.archive.ArchiveBench "$FILES" "$BYTES" "$RUNS" "$JOB_FILES"
