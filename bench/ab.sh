#!/usr/bin/env bash
# Two processes of one service side by side, A and B, differing in their build (APP_A, APP_B) or in
# their environment or JVM flags, measured in turns on the same endpoints (wrk, 16 connections,
# DURATION s each, ROUNDS rounds, req/s and p99; within a round every endpoint is measured on A and on B back to
# back, the side that goes first alternating): on a shared machine both see the same load, so B/A
# of each pair and each side's ratio to the trivial endpoint of the same round are the figures to
# read. The data is the suite benchmark's (bench/suite/seed.sql: a user with 5,000 chats, 40 model
# presets over a fake provider listing 60 models).
# Usage: bench/ab.sh 'A env and flags' 'B env and flags'   e.g.
#   bench/ab.sh 'QUARKUS_LOG_CONSOLE_ASYNC_ENABLED=false' 'QUARKUS_LOG_CONSOLE_ASYNC_ENABLED=true'
#   APP_A=/tmp/before/quarkus-app bench/ab.sh '' ''      (the build before a change against this one)
#   SERVICE=auth-service bench/ab.sh '' ''                (the session check against auth-service's /health)
# Each side is "VAR=value ... -Xflag ...": words with = before the first flag are environment.
# Knobs: SERVICE (api-service), ROUNDS (3), DURATION (5), APP_A / APP_B (SERVICE/target/quarkus-app),
# PATHS (the service's trivial endpoint first, then its hot reads).
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICE=${SERVICE:-api-service}
APP_A=${APP_A:-$SERVICE/target/quarkus-app}
APP_B=${APP_B:-$SERVICE/target/quarkus-app}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
case $SERVICE in
    api-service) DEFAULT_PATHS='/api/version /api/version/updates /api/config /api/models /api/v1/chats/?page=1' ;;
    auth-service) DEFAULT_PATHS='/health /api/v1/auths/' ;;
    *) echo "SERVICE must be api-service or auth-service" >&2; exit 2 ;;
esac
read -r -a PATHS <<< "${PATHS:-$DEFAULT_PATHS}"
if ! command -v wrk >/dev/null 2>&1; then
    [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || { echo "wrk is missing: install it (Debian: apt-get install wrk)" >&2; exit 1; }
    echo "installing wrk (apt-get)" >&2
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; } ||
        { echo "apt-get could not install wrk" >&2; exit 1; }
fi
FLAGS=$(sed -n 's/^JDK_JAVA_OPTIONS=//p' deploy/kubernetes/jvm.env)
export MALLOC_ARENA_MAX=2
id=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB=bench_ab_$id SECRET=secret-$id USER_ID=bench-$id ADMIN_ID=bench-admin-$id PREFIX=bench-ab-$id
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done
    rm -f /tmp/ab-"$id"-*.log
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
    redis-cli --scan --pattern "$PREFIX*" | xargs -r redis-cli del >/dev/null 2>&1
    return 0
}
trap cleanup EXIT
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
UPSTREAM_PORT=$(free_port)
python3 bench/suite/fake_openai.py "$UPSTREAM_PORT" 60 & PIDS+=($!)

start() { # app, side spec -> the port in STARTED_PORT (not a subshell: the process id must reach PIDS)
    local app=$1 spec=$2 port env=() flags=() word
    port=$(free_port)
    for word in $spec; do
        if [[ ${#flags[@]} -eq 0 && $word == *=* && $word != -* ]]; then env+=("$word"); else flags+=("$word"); fi
    done
    env "${env[@]}" DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL=redis://127.0.0.1:6379/0 \
        REDIS_KEY_PREFIX=$PREFIX WEBUI_SECRET_KEY=$SECRET QUARKUS_HTTP_PORT=$port \
        OPENAI_API_BASE_URLS="http://127.0.0.1:$UPSTREAM_PORT/v1" OPENAI_API_KEYS=sk-bench \
        java $FLAGS "${flags[@]}" -jar "$app/quarkus-run.jar" >"/tmp/ab-$id-$port.log" 2>&1 &
    PIDS+=($!)
    STARTED_PORT=$port
}
start "$APP_A" "$1"; A_PORT=$STARTED_PORT
start "$APP_B" "$2"; B_PORT=$STARTED_PORT
for port in $A_PORT $B_PORT; do
    for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 0.2; done
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null || { tail -30 "/tmp/ab-$id-$port.log"; exit 1; }
done
psql -q -h 127.0.0.1 -U postgres -d "$DB" -v bench_user="$USER_ID" -v admin_user="$ADMIN_ID" -f bench/suite/seed.sql >/dev/null
# both processes drop what they cached from the database
redis-cli PUBLISH "$PREFIX:models:changed" seeded >/dev/null
redis-cli PUBLISH "$PREFIX:config:changed" seeded >/dev/null
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64)
payload=$(printf '{"id":"%s","exp":%d}' "$USER_ID" $(( $(date +%s) + 7200 )) | b64)
TOKEN="$header.$payload.$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64)"
for port in $A_PORT $B_PORT; do
    for path in "${PATHS[@]}"; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$path")
        [[ $code == 200 ]] || { echo "$path answered $code on port $port" >&2; exit 1; }
    done
done
# "req/s p99-in-ms" of one wrk run
rate() {
    wrk -t1 -c16 -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$1" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
        /Requests\/sec/ {r = $2} $1 == "99%" {p = ms($2)} END {printf "%d %.1f", r, p}'
}

echo "## bench/ab.sh ($SERVICE), $(date -u +%FT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A: $APP_A $1"
echo "B: $APP_B $2"
echo
echo "| endpoint | round | A req/s | B req/s | B/A | A / trivial | B / trivial | A p99 ms | B p99 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for path in "${PATHS[@]}"; do
    for port in $A_PORT $B_PORT; do wrk -t1 -c4 -d2s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$path" >/dev/null; done
done
declare -A SUM_A SUM_B P99_A P99_B
for round in $(seq 1 "$ROUNDS"); do
    trivial_a=0 trivial_b=0
    for path in "${PATHS[@]}"; do
        if (( round % 2 )); then
            read -r a pa <<< "$(rate "http://127.0.0.1:$A_PORT$path")"; read -r b pb <<< "$(rate "http://127.0.0.1:$B_PORT$path")"
        else
            read -r b pb <<< "$(rate "http://127.0.0.1:$B_PORT$path")"; read -r a pa <<< "$(rate "http://127.0.0.1:$A_PORT$path")"
        fi
        P99_A[$path]="${P99_A[$path]:+${P99_A[$path]} / }$pa" P99_B[$path]="${P99_B[$path]:+${P99_B[$path]} / }$pb"
        [[ $path == "${PATHS[0]}" ]] && trivial_a=$a trivial_b=$b
        SUM_A[$path]=$(( ${SUM_A[$path]:-0} + a )) SUM_B[$path]=$(( ${SUM_B[$path]:-0} + b ))
        printf '| `%s` | %d | %d | %d | %.2f | %.2f | %.2f | %s | %s |\n' "$path" "$round" "$a" "$b" \
            "$(echo "$b / $a" | bc -l)" "$(echo "$a / $trivial_a" | bc -l)" "$(echo "$b / $trivial_b" | bc -l)" "$pa" "$pb"
    done
done
echo
echo "Sums over the rounds:"
echo
echo "| endpoint | A req/s | B req/s | B/A | A / trivial | B / trivial | A p99 ms per round | B p99 ms per round |"
echo "|---|---:|---:|---:|---:|---:|---|---|"
for path in "${PATHS[@]}"; do
    a=${SUM_A[$path]} b=${SUM_B[$path]}
    printf '| `%s` | %d | %d | %.2f | %.2f | %.2f | %s | %s |\n' "$path" $(( a / ROUNDS )) $(( b / ROUNDS )) "$(echo "$b / $a" | bc -l)" \
        "$(echo "$a / ${SUM_A[${PATHS[0]}]}" | bc -l)" "$(echo "$b / ${SUM_B[${PATHS[0]}]}" | bc -l)" "${P99_A[$path]}" "${P99_B[$path]}"
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
