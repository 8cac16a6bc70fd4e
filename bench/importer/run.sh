#!/usr/bin/env bash
# Importer throughput: rows/s and peak memory on a generated webui.db.
# usage: [HEAP=64m] bench/importer/run.sh [USERS] [CHATS] [MESSAGES_PER_CHAT]   (defaults 1000 10000 10)
# A run that completes with a small fixed heap shows memory does not grow with the database.
# Needs the local PostgreSQL (127.0.0.1:5432, user postgres, trust), python3 and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=${1:-1000}; CHATS=${2:-10000}; PER_CHAT=${3:-10}; HEAP=${HEAP:-64m}
WORK=$(mktemp -d); DB_NAME=bench_importer_$$
trap 'rm -rf "$WORK"; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB_NAME" >/dev/null 2>&1 || true' EXIT

[ -f importer/target/importer.jar ] || ./mvnw -B -q -pl importer -am package -DskipTests
python3 bench/importer/generate.py "$WORK/webui.db" "$USERS" "$CHATS" "$PER_CHAT"
createdb -h 127.0.0.1 -U postgres "$DB_NAME"
export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB_NAME"

run() { # label
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" java -Xmx"$HEAP" -jar importer/target/importer.jar sqlite "$WORK/webui.db" \
    >"$WORK/$1.out" 2>"$WORK/$1.err"
  read -r secs kb usr sys < "$WORK/time"
  rows=$(awk '$1=="total"{print $2}' "$WORK/$1.out")
  echo "$1: ${rows} source rows in ${secs}s wall = $(awk -v r="$rows" -v s="$secs" 'BEGIN{printf "%.0f", r/s}') rows/s;" \
       "importer CPU $(awk -v u="$usr" -v s="$sys" 'BEGIN{printf "%.1f", u+s}')s = $(awk -v r="$rows" -v u="$usr" -v s="$sys" 'BEGIN{printf "%.0f", r/(u+s)}') rows per CPU-second;" \
       "peak RSS $((kb / 1024)) MB (heap capped at $HEAP)"
}
echo "webui.db: $(du -h "$WORK/webui.db" | cut -f1), $USERS users, $CHATS chats x $PER_CHAT messages; load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
run first-import
run second-import   # everything already present: read + compare cost only
grep -E '^(user|auth|chat|chat_message|total) ' "$WORK/first-import.out"
