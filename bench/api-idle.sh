#!/usr/bin/env bash
# Idle footprint of the packaged api-service alone, one JVM setting against another: starts the
# service on a database and Redis prefix of its own, takes the resident memory 5 s after it is
# ready, sends 300 requests (config, models, chat list, memories: every part of the stack, Hibernate
# Reactive included), takes it again 5 s later, and stops. VARIANTS are run in turn, ROUNDS times
# (interleaved, so a changing machine load hits every variant alike).
# Usage: bench/api-idle.sh 'label=<java binary> <flags>' ...   e.g.
#   bench/api-idle.sh "kept=java $(sed -n 's/^JDK_JAVA_OPTIONS=//p' deploy/kubernetes/jvm.env)" 'small=java -Xmx64m'
# Knobs: ROUNDS (2), APP (the quarkus-app folder, api-service/target/quarkus-app), MALLOC_ARENA_MAX (2),
# GC_AFTER_READY=1 runs a full collection once the service is ready (jcmd GC.run), NMT=1 adds -XX:NativeMemoryTracking=summary and prints the JVM's own account after the requests.
# Needs PostgreSQL and Redis on 127.0.0.1 (trust auth for postgres), python3, openssl, psql, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-api-service/target/quarkus-app}
ROUNDS=${ROUNDS:-2}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
[[ -f $APP/quarkus-run.jar ]] || { echo "build api-service first (./mvnw -B -pl api-service -am package -DskipTests)"; exit 1; }
(($#)) || { sed -n '2,11p' "$0"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
APP_PID=
DB=
cleanup() {
    [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
    [[ -n $DB ]] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
    return 0
}
trap cleanup EXIT

one() { # label, java command line
    local label=$1 cmd=$2 id port secret user log start ready idle loaded token api
    id=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
    DB=bench_idle_$id port=$(free_port) secret=secret-$id user=bench-$id log=$(mktemp)
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
    [[ -n ${NMT:-} ]] && cmd="$cmd -XX:NativeMemoryTracking=summary"
    start=$(date +%s.%N)
    DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL=redis://127.0.0.1:6379/0 REDIS_KEY_PREFIX=bench-idle-$id \
        WEBUI_SECRET_KEY=$secret QUARKUS_HTTP_PORT=$port $cmd -jar "$APP/quarkus-run.jar" >"$log" 2>&1 &
    APP_PID=$!
    api=http://127.0.0.1:$port
    for _ in $(seq 1 600); do curl -sf "$api/q/health/ready" >/dev/null && break; sleep 0.1; done
    curl -sf "$api/q/health/ready" >/dev/null || { tail -30 "$log"; exit 1; }
    ready=$(echo "$(date +%s.%N) - $start" | bc)
    [[ -n ${GC_AFTER_READY:-} ]] && jcmd "$APP_PID" GC.run >/dev/null
    sleep 5
    idle=$(rss_mb "$APP_PID")
    psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at,
        updated_at, last_active_at) VALUES ('$user', 'Bench', '$user@example.com', 'user', '', 0, 0, 0)"
    local header payload
    header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64)
    payload=$(printf '{"id":"%s","exp":%d}' "$user" $(( $(date +%s) + 3600 )) | b64)
    token="$header.$payload.$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64)"
    for i in $(seq 1 60); do
        for path in /api/config /api/models "/api/v1/chats/?page=1" /api/v1/memories/; do
            curl -sf -o /dev/null -H "Authorization: Bearer $token" "$api$path" || { echo "$path failed"; tail -20 "$log"; exit 1; }
        done
        curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"content\": \"note $i\"}" "$api/api/v1/memories/add" || { echo "memories/add failed"; tail -20 "$log"; exit 1; }
    done
    sleep 5
    loaded=$(rss_mb "$APP_PID")
    printf '| %s | %.2f | %s | %s |\n' "$label" "$ready" "$idle" "$loaded"
    if [[ -n ${NMT:-} ]]; then
        jcmd "$APP_PID" VM.native_memory summary | grep -E '^(Total|-)' | sed 's/^/    /'
    fi
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null; DB=
    redis-cli --scan --pattern "bench-idle-$id*" | xargs -r redis-cli del >/dev/null
    rm -f "$log"
}

echo "## bench/api-idle.sh, $(date -u +%FT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg), MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
echo
echo "| variant | ready (s) | idle RSS (MB) | RSS after 300 requests (MB) |"
echo "|---|---:|---:|---:|"
for _ in $(seq 1 "$ROUNDS"); do
    for variant in "$@"; do
        one "${variant%%=*}" "${variant#*=}"
    done
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
