#!/bin/sh
# Generates TABLES tables (default 10000) with indexes, constraints, foreign keys, policies,
# functions, views and triggers on an embedded PostgreSQL 15, then times RUNS times (default 3)
# a catalog snapshot + baseline beside pg_dump --schema-only of the same database, and prints the
# JVM's peak heap. The JVM runs as ./consolidate --plan runs it (C1 only, serial collector),
# capped at 512 MB of heap, the memory target; BENCH_JIT=full adds the optimising compiler, as
# ./consolidate --execute has it.
set -eu
cd "$(dirname "$0")/../.."
TABLES="${1:-10000}"
RUNS="${2:-3}"
shift 2 2>/dev/null || shift $#
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
jit="-XX:TieredStopAtLevel=1"
[ "${BENCH_JIT:-c1}" = full ] && jit=""
exec java $jit -XX:+UseSerialGC -Xmx512m -Dconsolidate.projectRoot="$PWD" \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.consolidate.catalog.CatalogBench "$TABLES" "$RUNS" "$@"
