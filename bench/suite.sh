#!/usr/bin/env bash
# The whole suite's speed and footprint in one command. Starts every service in local mode
# (docker-manage.sh start --local) on a database, Redis prefix and state folder of its own, with a
# fake OpenAI-compatible provider listing 60 models; seeds a user with 5,000 chats and 40 model
# presets; then measures, directly against each service with wrk (16 connections, keep-alive):
#   - req/s, p50, p99, max of the hot reads and of the same service's trivial endpoint, and their ratio
#   - resident memory per process idle and after a mixed load (LOAD_SECONDS, --long = 10 minutes)
#   - time from process start to ready, with the four services starting together and each alone.
# Needs PostgreSQL and Redis on 127.0.0.1 (trust auth for LOCAL_PG_ADMIN, default postgres), python3,
# openssl, psql, redis-cli, curl, wrk (installed with apt-get when missing and run as root).
# Usage: bench/suite.sh [--long]     knobs: DURATION (s per endpoint, 6), WARMUP (s, 3),
#        LOAD_SECONDS (60), CONNECTIONS (16), LOCAL_JAVA_OPTS (JVM flags instead of deploy/jvm.env)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${DURATION:-6}
WARMUP=${WARMUP:-3}
LOAD_SECONDS=${LOAD_SECONDS:-60}
CONNECTIONS=${CONNECTIONS:-16}
[[ ${1:-} == --long ]] && LOAD_SECONDS=600
PG_ADMIN=${LOCAL_PG_ADMIN:-postgres}

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

if ! have wrk; then
    [[ $(id -u) == 0 ]] && have apt-get || die "wrk is missing: install it (Debian: apt-get install wrk)"
    say "installing wrk (apt-get)"
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; } ||
        die "apt-get could not install wrk"
fi
for tool in python3 openssl psql redis-cli curl; do have $tool || die "$tool is missing"; done

WORK=$(mktemp -d /tmp/suite-bench.XXXXXX)
SUFFIX=$(basename "$WORK" | tr -dc 'a-z0-9' | tr 'A-Z' 'a-z')
DB=bench_suite_${SUFFIX}_$$
PREFIX=bench-suite-$SUFFIX
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
API_PORT=$(free_port) AUTH_PORT=$(free_port) FILES_PORT=$(free_port) BRIDGE_SOCKET_PORT=$(free_port)
BRIDGE_HTTP_PORT=$(free_port) WEBUI_PORT=$(free_port) UPSTREAM_PORT=$(free_port)

manage() {
    env -u DATABASE_URL -u WEBUI_SECRET_KEY -u WEBUI_MODE -u POSTGRES_PASSWORD -u UPLOAD_DIR \
        NO_COLOR=1 WEBUI_ENV_FILE="$WORK/.env" WEBUI_RUN_DIR="$WORK/run" WEBUI_BACKUP_DIR="$WORK/backups" DATA_DIR="$WORK/data" \
        POSTGRES_DB="$DB" POSTGRES_USER="$DB" LOCAL_POSTGRES_HOST=127.0.0.1 LOCAL_POSTGRES_PORT=5432 LOCAL_PG_ADMIN="$PG_ADMIN" \
        REDIS_URL=redis://127.0.0.1:6379/0 REDIS_KEY_PREFIX="$PREFIX" \
        API_PORT="$API_PORT" AUTH_PORT="$AUTH_PORT" FILES_PORT="$FILES_PORT" BRIDGE_SOCKET_PORT="$BRIDGE_SOCKET_PORT" \
        BRIDGE_HTTP_PORT="$BRIDGE_HTTP_PORT" WEBUI_PORT="$WEBUI_PORT" \
        OPENAI_API_BASE_URLS="http://127.0.0.1:$UPSTREAM_PORT/v1" OPENAI_API_KEYS=sk-bench \
        ./docker-manage.sh "$@"
}

cleanup() {
    set +e
    say "cleaning up (stop, drop database $DB, Redis keys $PREFIX*)"
    [[ -n ${LOAD_PIDS:-} ]] && kill $LOAD_PIDS 2>/dev/null
    [[ -n ${ALONE:-} ]] && kill "$ALONE" 2>/dev/null
    manage stop --local >/dev/null 2>&1
    [[ -n ${UP:-} ]] && kill "$UP" 2>/dev/null
    psql -q -h 127.0.0.1 -U "$PG_ADMIN" -d postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "DROP ROLE IF EXISTS \"$DB\"" >/dev/null 2>&1
    redis-cli --scan --pattern "$PREFIX*" | xargs -r redis-cli del >/dev/null 2>&1
    [[ -n ${KEEP_LOGS:-} ]] && cp -r "$WORK/run/logs" "$KEEP_LOGS" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 bench/suite/fake_openai.py "$UPSTREAM_PORT" 60 & UP=$!

say "setup --local (database $DB)"
manage setup --local > "$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log"; die "setup failed"; }

SVC=(api-service auth-service file-service socketio-bridge)
declare -A PORT=([api-service]=$API_PORT [auth-service]=$AUTH_PORT [file-service]=$FILES_PORT [socketio-bridge]=$BRIDGE_HTTP_PORT)
declare -A PID READY_TOGETHER READY_ALONE READY_AGAIN RSS_IDLE RSS_LOADED

uptime_s() { awk '{print $1}' /proc/uptime; }
# seconds since boot at which a process started
started_at() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print $20 / hz }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
ready() { curl -fs -m 1 -o /dev/null "http://127.0.0.1:$1/q/health/ready"; }

say "starting the suite in local mode (JVM settings: ${JVM_ENV_FILE:-deploy/kubernetes/jvm.env} ${LOCAL_JAVA_OPTS:-})"
manage start --local > "$WORK/start.log" 2>&1 & STARTER=$!
pending=("${SVC[@]}")
while ((${#pending[@]})); do
    if [[ -n $STARTER ]] && ! kill -0 "$STARTER" 2>/dev/null; then
        [[ -z $STARTER ]] || wait "$STARTER" || { cat "$WORK/start.log"; die "start --local failed"; }
        STARTER=
    fi
    left=()
    for s in "${pending[@]}"; do
        if [[ -z ${PID[$s]:-} && -f $WORK/run/pids/$s-1.pid ]]; then PID[$s]=$(<"$WORK/run/pids/$s-1.pid"); fi
        if [[ -n ${PID[$s]:-} ]] && ready "${PORT[$s]}"; then
            READY_TOGETHER[$s]=$(awk -v now="$(uptime_s)" -v t0="$(started_at "${PID[$s]}")" 'BEGIN {printf "%.2f", now - t0}')
            say "  $s ready ${READY_TOGETHER[$s]} s after its process started"
        else
            left+=("$s")
        fi
    done
    pending=("${left[@]}")
    sleep 0.05
done
[[ -z $STARTER ]] || wait "$STARTER" || { cat "$WORK/start.log"; die "start --local failed"; }

say "seeding: a user with 5,000 chats, 40 model presets"
BENCH_USER=bench-user-$SUFFIX
ADMIN_USER=bench-admin-$SUFFIX
psql -q -h 127.0.0.1 -U "$PG_ADMIN" -d "$DB" -v bench_user="$BENCH_USER" -v admin_user="$ADMIN_USER" -f bench/suite/seed.sql >/dev/null
# every replica drops what it cached from the database
redis-cli PUBLISH "$PREFIX:models:changed" seeded >/dev/null
redis-cli PUBLISH "$PREFIX:config:changed" seeded >/dev/null

SECRET=$(sed -n 's/^WEBUI_SECRET_KEY=//p' "$WORK/.env" | tr -d "\"'")
[[ -n $SECRET ]] || die "no WEBUI_SECRET_KEY in $WORK/.env"
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
HEADER=$(printf '{"alg":"HS256","typ":"JWT"}' | b64)
PAYLOAD=$(printf '{"id":"%s","exp":%d}' "$BENCH_USER" $(($(date +%s) + 7200)) | b64)
TOKEN="$HEADER.$PAYLOAD.$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64)"
AUTH="Authorization: Bearer $TOKEN"

API=http://127.0.0.1:$API_PORT AUTHS=http://127.0.0.1:$AUTH_PORT FILES=http://127.0.0.1:$FILES_PORT BRIDGE=http://127.0.0.1:$BRIDGE_HTTP_PORT
for url in "$API/api/config" "$API/api/models" "$API/api/v1/chats/?page=1" "$AUTHS/api/v1/auths/"; do
    code=$(curl -s -o "$WORK/check.json" -w '%{http_code}' -H "$AUTH" "$url")
    [[ $code == 200 ]] || { cat "$WORK/check.json"; die "$url answered $code"; }
done
models=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["data"]))' <(curl -s -H "$AUTH" "$API/api/models"))
chats=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' <(curl -s -H "$AUTH" "$API/api/v1/chats/?page=1"))
say "the bench user sees $models models (of 60 upstream + 20 custom presets) and $chats chats on page 1"

sleep 5
for s in "${SVC[@]}"; do RSS_IDLE[$s]=$(rss_mb "${PID[$s]}"); done
say "idle RSS: $(for s in "${SVC[@]}"; do printf '%s %s MB  ' "$s" "${RSS_IDLE[$s]}"; done)"

to_ms() { # wrk's 1.23ms / 456.00us / 1.02s -> ms
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; else if (v ~ /m$/) n *= 60000; printf "%.2f", n }'
}
declare -A RPS P50 P99 MAX COUNT BAD
measure() { # key url [seconds]
    local key=$1 url=$2 seconds=${3:-$DURATION} out=$WORK/wrk-$1.txt
    wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --latency -H "$AUTH" "$url" > "$out"
    RPS[$key]=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$out")
    P50[$key]=$(to_ms "$(awk '$1=="50%" {print $2}' "$out")")
    P99[$key]=$(to_ms "$(awk '$1=="99%" {print $2}' "$out")")
    MAX[$key]=$(to_ms "$(awk '$1=="Latency" {print $4}' "$out")")
    COUNT[$key]=$(awk '/requests in/ {print $1}' "$out")
    BAD[$key]=$(awk '/Non-2xx/ {printf "%s non-2xx ", $5} /Socket errors/ {sub(/.*timeout /, ""); if ($1 > 0) printf "%s timed out (2 s) ", $1}' "$out")
    say "  $key: ${RPS[$key]} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms, max ${MAX[$key]} ms (${COUNT[$key]} requests${BAD[$key]:+, ${BAD[$key]}})"
}
warm() { wrk -t1 -c4 -d"${WARMUP}s" -H "$AUTH" "$1" >/dev/null; }

declare -A URL=(
    [api-trivial]="$API/api/version" [api-signed-in]="$API/api/version/updates" [api-config]="$API/api/config" [api-models]="$API/api/models"
    [api-chats]="$API/api/v1/chats/?page=1" [auth-trivial]="$AUTHS/health" [auth-session]="$AUTHS/api/v1/auths/"
    [files-trivial]="$FILES/health" [bridge-trivial]="$BRIDGE/health")
ORDER=(api-trivial api-signed-in api-config api-models api-chats auth-trivial auth-session files-trivial bridge-trivial)
say "warming up (${WARMUP} s per endpoint)"
for key in "${ORDER[@]}"; do warm "${URL[$key]}"; done
say "measuring (${DURATION} s per endpoint, ${CONNECTIONS} connections, keep-alive)"
for key in "${ORDER[@]}"; do measure "$key" "${URL[$key]}"; done

say "mixed load for ${LOAD_SECONDS} s (the four hot reads and both other services at once)"
LOAD_PIDS=
for key in api-config api-models api-chats auth-session files-trivial bridge-trivial; do
    wrk -t1 -c4 -d"${LOAD_SECONDS}s" -H "$AUTH" "${URL[$key]}" > "$WORK/load-$key.txt" &
    LOAD_PIDS+=" $!"
done
wait $LOAD_PIDS
LOAD_PIDS=
LOAD_REQUESTS=$(cat "$WORK"/load-*.txt | awk '/requests in/ {n += $1} END {print n}')
sleep 5
for s in "${SVC[@]}"; do RSS_LOADED[$s]=$(rss_mb "${PID[$s]}"); done

say "ready time of each service started alone, twice (same command line and environment, another port)"
start_alone() { # service; sets ALONE_SECONDS (no subshell, so that cleanup knows ALONE)
    local s=$1 port cmd environ extra t0 deadline
    port=$(free_port)
    mapfile -d '' cmd < "/proc/${PID[$s]}/cmdline"
    mapfile -d '' environ < "/proc/${PID[$s]}/environ"
    extra=(QUARKUS_HTTP_PORT="$port")
    [[ $s == socketio-bridge ]] && extra+=(BRIDGE_SOCKET_PORT="$(free_port)")
    (cd "$WORK/run" && exec env -i "${environ[@]}" "${extra[@]}" "${cmd[@]}" >> "$WORK/alone-$s.log" 2>&1) & ALONE=$!
    t0=$(uptime_s)
    deadline=$((SECONDS + 180))
    until ready "$port"; do
        kill -0 "$ALONE" 2>/dev/null && ((SECONDS < deadline)) || { tail -20 "$WORK/alone-$s.log" >&2; die "$s did not start alone"; }
        sleep 0.05
    done
    ALONE_SECONDS=$(awk -v now="$(uptime_s)" -v t0="$t0" 'BEGIN {printf "%.2f", now - t0}')
    kill "$ALONE"; wait "$ALONE" 2>/dev/null || true; ALONE=
}
for s in "${SVC[@]}"; do
    start_alone "$s"; READY_ALONE[$s]=$ALONE_SECONDS
    start_alone "$s"; READY_AGAIN[$s]=$ALONE_SECONDS
    say "  $s ready ${READY_ALONE[$s]} s, then ${READY_AGAIN[$s]} s after start"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo
echo "## bench/suite.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $(java -version 2>&1 | head -1); command line: $(tr '\0' ' ' < "/proc/${PID[api-service]}/cmdline" | sed -E 's/ -Dwebui.*//; s/^java //')"
echo "environment: $(tr '\0' '\n' < "/proc/${PID[api-service]}/environ" | grep -E '^(JDK_JAVA_OPTIONS|MALLOC_ARENA_MAX)=' | paste -sd ' ')"
echo
echo "wrk -t1 -c$CONNECTIONS -d${DURATION}s, keep-alive, directly against each service; the bench user sees $models models and $chats chats on page 1"
echo
echo "| service | endpoint | req/s | p50 ms | p99 ms | max ms | requests | ratio to trivial |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
row() { # service key label trivial-key
    local r=1.00
    [[ $2 != "$4" ]] && r=$(ratio "${RPS[$2]}" "${RPS[$4]}")
    printf '| %s | %s | %s | %s | %s | %s | %s%s | %s |\n' "$1" "$3" "${RPS[$2]}" "${P50[$2]}" "${P99[$2]}" "${MAX[$2]}" "${COUNT[$2]}" \
        "${BAD[$2]:+ (${BAD[$2]% })}" "$r"
}
row api-service api-trivial '`GET /api/version` (trivial)' api-trivial
row api-service api-signed-in '`GET /api/version/updates` (static, signed in: the token check alone)' api-trivial
row api-service api-config '`GET /api/config`' api-trivial
row api-service api-models '`GET /api/models`' api-trivial
row api-service api-chats '`GET /api/v1/chats/?page=1`' api-trivial
row auth-service auth-trivial '`GET /health` (trivial)' auth-trivial
row auth-service auth-session '`GET /api/v1/auths/`' auth-trivial
row file-service files-trivial '`GET /health` (trivial)' files-trivial
row socketio-bridge bridge-trivial '`GET /health` (trivial)' bridge-trivial
echo
echo "| service | ready, all four starting together (s) | ready alone, 1st / 2nd start (s) | RSS idle (MB) | RSS after ${LOAD_SECONDS} s mixed load (MB) | after / idle |"
echo "|---|---:|---:|---:|---:|---:|"
total_idle=0 total_loaded=0
for s in "${SVC[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s |\n' "$s" "${READY_TOGETHER[$s]}" "${READY_ALONE[$s]} / ${READY_AGAIN[$s]}" "${RSS_IDLE[$s]}" "${RSS_LOADED[$s]}" \
        "$(ratio "${RSS_LOADED[$s]}" "${RSS_IDLE[$s]}")"
    total_idle=$((total_idle + RSS_IDLE[$s])) total_loaded=$((total_loaded + RSS_LOADED[$s]))
done
printf '| **suite** | | | %s | %s | %s |\n' "$total_idle" "$total_loaded" "$(ratio "$total_loaded" "$total_idle")"
echo
echo "mixed load: $LOAD_REQUESTS requests in ${LOAD_SECONDS} s over 6 wrk clients of 4 connections"
