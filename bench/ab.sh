#!/usr/bin/env bash
# Two api-service processes side by side, A and B, differing only in their environment or JVM
# flags, measured in turns on the same endpoints (wrk, 16 connections, DURATION s each, ROUNDS
# rounds A B A B ...): on a shared machine both see the same load, so the ratio B/A of each pair is
# the figure to read. The bench user owns 5,000 chats (bench/suite/seed.sql's shape, built here).
# Usage: bench/ab.sh 'A env and flags' 'B env and flags'   e.g.
#   bench/ab.sh 'QUARKUS_LOG_CONSOLE_ASYNC_ENABLED=false' 'QUARKUS_LOG_CONSOLE_ASYNC_ENABLED=true'
# Each side is "VAR=value ... -Xflag ...": words with = before the first flag are environment.
# Knobs: ROUNDS (3), DURATION (5), APP (api-service/target/quarkus-app), PATHS (the hot reads).
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-api-service/target/quarkus-app}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
PATHS=${PATHS:-/api/version /api/version/updates /api/config /api/models /api/v1/chats/?page=1}
FLAGS=$(sed -n 's/^JDK_JAVA_OPTIONS=//p' deploy/kubernetes/jvm.env)
export MALLOC_ARENA_MAX=2
id=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB=bench_ab_$id SECRET=secret-$id USER_ID=bench-$id PREFIX=bench-ab-$id
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    rm -f /tmp/ab-"$id"-*.log
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
    redis-cli --scan --pattern "$PREFIX*" | xargs -r redis-cli del >/dev/null 2>&1
    return 0
}
trap cleanup EXIT
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null

start() { # side spec -> the port in STARTED_PORT (not a subshell: the process id must reach PIDS)
    local spec=$1 port env=() flags=() word
    port=$(free_port)
    for word in $spec; do
        if [[ ${#flags[@]} -eq 0 && $word == *=* && $word != -* ]]; then env+=("$word"); else flags+=("$word"); fi
    done
    env "${env[@]}" DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL=redis://127.0.0.1:6379/0 \
        REDIS_KEY_PREFIX=$PREFIX WEBUI_SECRET_KEY=$SECRET QUARKUS_HTTP_PORT=$port \
        java $FLAGS "${flags[@]}" -jar "$APP/quarkus-run.jar" >"/tmp/ab-$id-$port.log" 2>&1 &
    PIDS+=($!)
    STARTED_PORT=$port
}
start "$1"; A_PORT=$STARTED_PORT
start "$2"; B_PORT=$STARTED_PORT
for port in $A_PORT $B_PORT; do
    for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 0.2; done
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null || { tail -30 "/tmp/ab-$id-$port.log"; exit 1; }
done
psql -q -h 127.0.0.1 -U postgres -d "$DB" <<SQL
INSERT INTO "user" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
VALUES ('$USER_ID', 'Bench', 'bench@example.com', 'user', '', 0, 0, 0);
INSERT INTO chat (id, user_id, title, created_at, updated_at, chat)
SELECT 'chat-' || i, '$USER_ID', 'Chat ' || i, 1700000000 + i, 1700000000 + i, '{}' FROM generate_series(1, 5000) i;
SQL
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64)
payload=$(printf '{"id":"%s","exp":%d}' "$USER_ID" $(( $(date +%s) + 7200 )) | b64)
TOKEN="$header.$payload.$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64)"
rate() { wrk -t1 -c16 -d"${DURATION}s" -H "Authorization: Bearer $TOKEN" "$1" | awk '/Requests\/sec/ {printf "%d", $2}'; }

echo "## bench/ab.sh, $(date -u +%FT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A: $1"
echo "B: $2"
echo
echo "| endpoint | round | A req/s | B req/s | B/A |"
echo "|---|---:|---:|---:|---:|"
for path in $PATHS; do
    for port in $A_PORT $B_PORT; do wrk -t1 -c4 -d2s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$path" >/dev/null; done
    for round in $(seq 1 "$ROUNDS"); do
        a=$(rate "http://127.0.0.1:$A_PORT$path"); b=$(rate "http://127.0.0.1:$B_PORT$path")
        printf '| `%s` | %d | %d | %d | %.2f |\n' "$path" "$round" "$a" "$b" "$(echo "$b / $a" | bc -l)"
    done
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f /tmp/ab-$id-*.log
