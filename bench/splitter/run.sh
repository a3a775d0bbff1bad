#!/bin/sh
# Splits a generated pg_dump-like file of MB megabytes (default 50) RUNS times (default 5) and
# prints the median time, throughput and heap use.
set -eu
cd "$(dirname "$0")/../.."
MB="${1:-50}"
RUNS="${2:-5}"
mvn -q -B -o test-compile
exec java -Xmx1g -cp "target/test-classes:target/classes" dev.consolidate.sql.SplitterBench "$MB" "$RUNS"
