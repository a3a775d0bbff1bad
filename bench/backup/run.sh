#!/usr/bin/env bash
# Times the verified backup beside pg_dump -Fc and pg_dump -Fd -j 2 of the same database, in one
# run, on a local PostgreSQL 15 started for the purpose. See README.md.
#
#   bench/backup/run.sh [SCALE]      SCALE 1 (default) is about 2 GB; 0.05 is a quick try
#
# Environment: PGBIN (default /usr/lib/postgresql/15/bin), BENCH_PORT (55432), BENCH_DIR (a new
# temporary folder), KEEP=1 to keep the folder, WORKERS (2), LEVEL (zstd level, 1),
# SCRATCH=local to verify on a second server started from PGBIN (with the embedded scratch
# server's settings, on BENCH_PORT + 1) instead of the bundled embedded one; see README.md.
set -euo pipefail

SCALE=${1:-1}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${BENCH_PORT:-55432}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/consolidate-backup-bench.XXXXXX)}
WORKERS=${WORKERS:-2}
LEVEL=${LEVEL:-1}
JAR="$ROOT/target/consolidate.jar"
export PATH="$PGBIN:$PATH"
PSQL=(psql -X -q -h localhost -p "$PORT" -U postgres)

# PostgreSQL refuses to run as root: the server then runs as the postgres user.
AS_SERVER=()
if [ "$(id -u)" = 0 ]; then AS_SERVER=(runuser -u "${PGUSER_OS:-postgres}" --); fi

stop() {
    "${AS_SERVER[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
    "${AS_SERVER[@]}" "$PGBIN/pg_ctl" -D "$WORK/scratch" -m fast stop >/dev/null 2>&1 || true
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; fi
}
trap stop EXIT

say() { printf '%s\n' "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
timed() { # timed LABEL COMMAND... : wall seconds and peak RSS of the command (GNU time)
    local label=$1; shift
    /usr/bin/time -f "$label wall_seconds=%e peak_rss_kb=%M" -o "$WORK/time.$label" "$@"
    cat "$WORK/time.$label"
}

[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -DskipTests package)
# Compiled beforehand so that javac's memory is not counted as the backup's.
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$JAR" "$ROOT/bench/backup/BackupBench.java"
BENCH_CP="$JAR:$WORK/classes"

say "== setup: scale $SCALE, work folder $WORK, $(nproc) cores, load $(load)"
mkdir -p "$WORK/data"
if [ ${#AS_SERVER[@]} -gt 0 ]; then chmod 755 "$WORK"; chown "${PGUSER_OS:-postgres}" "$WORK/data"; fi
"${AS_SERVER[@]}" "$PGBIN/initdb" -D "$WORK/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C >/dev/null
"${AS_SERVER[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/data/server.log" -w start \
    -o "-p $PORT -c listen_addresses=localhost -c unix_socket_directories=$WORK/data -c max_wal_size=8GB -c checkpoint_timeout=30min" >/dev/null
"${PSQL[@]}" -d postgres -c "CREATE DATABASE bench" -c "CREATE DATABASE bench_env"
BIG_ROWS=$(awk "BEGIN { printf \"%d\", 5000000 * $SCALE }")
SMALL_ROWS=$(awk "BEGIN { printf \"%d\", 40000 * $SCALE }")
t0=$(date +%s)
"${PSQL[@]}" -d bench -v big_rows="$BIG_ROWS" -v small_tables=200 -v small_rows="$SMALL_ROWS" -f "$ROOT/bench/backup/generate.sql" >/dev/null
"${PSQL[@]}" -d bench -c "VACUUM ANALYZE" -c "CHECKPOINT"
say "generated in $(( $(date +%s) - t0 )) s: $("${PSQL[@]}" -d bench -At -c "SELECT 'database ' || pg_size_pretty(pg_database_size('bench')) || ', bench.big heap ' || pg_size_pretty(pg_relation_size('bench.big')) || ', ' || count(*) || ' tables' FROM pg_tables WHERE schemaname = 'bench'")"

if [ "${SCRATCH:-embedded}" = local ]; then
    # The settings EmbeddedScratchServer gives the bundled server: scratch data is thrown away.
    mkdir -p "$WORK/scratch"
    if [ ${#AS_SERVER[@]} -gt 0 ]; then chown "${PGUSER_OS:-postgres}" "$WORK/scratch"; fi
    "${AS_SERVER[@]}" "$PGBIN/initdb" -D "$WORK/scratch" -U postgres --auth=trust --no-sync -E UTF8 --locale=C >/dev/null
    "${AS_SERVER[@]}" "$PGBIN/pg_ctl" -D "$WORK/scratch" -l "$WORK/scratch/server.log" -w start \
        -o "-p $((PORT + 1)) -c listen_addresses=localhost -c unix_socket_directories=$WORK/scratch -c max_connections=50 -c timezone=UTC -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=4GB -c autovacuum=off -c maintenance_work_mem=256MB" >/dev/null
    export BENCH_SCRATCH="url:postgresql://postgres@localhost:$((PORT + 1))/postgres"
fi

mkdir -p "$WORK/out"
say "== verified backup (workers $WORKERS, zstd-$LEVEL, -Xmx256m), load before $(load)"
timed verified_backup java -Xmx256m -cp "$BENCH_CP" BackupBench backup "$PORT" bench "$WORK/out/backup" "$WORKERS" "$LEVEL"
say "load after $(load)"

say "== pg_dump -Fc, load before $(load)"
timed pg_dump_Fc pg_dump -Fc -h localhost -p "$PORT" -U postgres -f "$WORK/out/bench.dump" bench
say "size_bytes=$(stat -c %s "$WORK/out/bench.dump")"

say "== pg_dump -Fd -j 2, load before $(load)"
timed pg_dump_Fd_j2 pg_dump -Fd -j 2 -h localhost -p "$PORT" -U postgres -f "$WORK/out/bench.dir" bench
say "size_bytes=$(du -sb "$WORK/out/bench.dir" | cut -f1)"

say "== codecs on 256 MB of bench.big's COPY text, one thread, load before $(load)"
java -Xmx1g -cp "$BENCH_CP" BackupBench codecs "$PORT" bench bench.big 256
say "== done, load $(load)"
