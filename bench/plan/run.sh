#!/usr/bin/env bash
# Times `consolidate --plan --no-replay` on a generated 1,000-file Supabase history whose
# production (a throw-away PostgreSQL cluster of the machine's own binaries) records all of them.
# Usage: bench/plan/run.sh [files=1000] [runs=7]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
files=${1:-1000}
runs=${2:-7}
jar="$repo/target/consolidate.jar"
[ -f "$jar" ] || (cd "$repo" && mvn -q -B -DskipTests package)

bindir=$(pg_config --bindir 2>/dev/null || true)
[ -x "$bindir/initdb" ] || bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/initdb" ] || { echo "needs PostgreSQL server binaries (initdb, pg_ctl)"; exit 2; }

work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if [ "$(id -u)" -eq 0 ]; then id postgres >/dev/null 2>&1 || useradd -r postgres; chown postgres "$work"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { as_pg "$bindir/pg_ctl -D $work/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
as_pg "$bindir/initdb -D $work/data -A trust -U postgres" >/dev/null
as_pg "$bindir/pg_ctl -D $work/data -o '-p $port -k $work -c fsync=off' -l $work/log start -w" >/dev/null

project="$work/project"
mkdir -p "$project/supabase/migrations"
sql="$work/history.sql"
{
  echo "create schema supabase_migrations;"
  echo "create table supabase_migrations.schema_migrations (version text primary key, statements text[], name text);"
} > "$sql"
for i in $(seq 1 "$files"); do
  v=$(printf '2024%010d' "$i")
  body="create table public.t_$i (id bigint primary key, name text not null, created_at timestamptz default now());
create index t_${i}_name on public.t_$i (name);
comment on table public.t_$i is 'generated table $i';"
  printf '%s\n' "$body" > "$project/supabase/migrations/${v}_table_$i.sql"
  echo "insert into supabase_migrations.schema_migrations values ('$v', array[\$q\$create table public.t_$i (id bigint primary key)\$q\$], 'table_$i');" >> "$sql"
done
psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -f "$sql" >/dev/null

url="postgresql://postgres@127.0.0.1:$port/postgres"
export NO_COLOR=1
"$repo/consolidate" --plan --no-replay --dir "$project" --db-url "$url" >/dev/null   # warm the file cache
times=()
for r in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$repo/consolidate" --plan --no-replay --dir "$project" --db-url "$url" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
jvm_start=$(date +%s%N); java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" --version >/dev/null; jvm_end=$(date +%s%N)
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "files:          $files"
echo "runs (ms):      $(printf '%s ' "${times[@]}")"
echo "min / median:   $(echo "$sorted" | head -1) / $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms"
echo "jvm + --version: $(( (jvm_end - jvm_start) / 1000000 )) ms"
echo "load average:   $(cut -d' ' -f1-3 /proc/loadavg)"
