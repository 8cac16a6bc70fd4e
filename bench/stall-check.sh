#!/usr/bin/env bash
# Looks for request stalls: sends N requests (default 10,000) to each of the four services, straight
# over loopback, and prints the longest request beside p50/p99. A request path that waits on DNS
# (or on any timer) shows up as a longest request far above p99; the check fails above 100 ms
# (STALL_LIMIT_MS). On a busy machine CPU contention alone can exceed that: the "> 1 s" column
# then tells contention (tens to hundreds of ms) from the DNS stall (5 s, the resolver's timeout).
# Each service gets one cheap public path (/q/health/live) and one path behind a session token.
# Needs: PostgreSQL and Redis on 127.0.0.1 (trust auth), python3, openssl, and ab (apache2-utils,
# installed with apt-get when missing and run as root).
# Usage: bench/stall-check.sh [requests-per-path] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v ab >/dev/null 2>&1; then
    [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || { echo "ab is missing: install it (Debian: apt-get install apache2-utils)" >&2; exit 1; }
    echo "installing ab (apt-get install apache2-utils)" >&2
    apt-get install -y -qq apache2-utils >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq apache2-utils >/dev/null; } ||
        { echo "apt-get could not install apache2-utils" >&2; exit 1; }
fi
REQUESTS=${1:-10000}
CONCURRENCY=${2:-4}
LIMIT_MS=${STALL_LIMIT_MS:-100}
PGURL=${BENCH_POSTGRES:-postgresql://postgres@127.0.0.1:5432}
SERVICES=(auth-service api-service file-service socketio-bridge)
WORK=$(mktemp -d)
DB=webui_stall_$(date +%s)
SECRET=stall-$RANDOM$RANDOM
USER_ID=stall-user-$RANDOM
PIDS=()

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  psql -q "$PGURL/postgres" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for svc in "${SERVICES[@]}"; do
  if [[ ! -f $svc/target/quarkus-app/quarkus-run.jar ]]; then
    echo "building $svc (package, tests skipped)..."
    ./mvnw -B -q -pl "$svc" -am package -DskipTests
  fi
done

psql -q "$PGURL/postgres" -c "CREATE DATABASE $DB" >/dev/null
declare -A PORT
for svc in "${SERVICES[@]}"; do
  PORT[$svc]=$(free_port)
  extra=()
  [[ $svc == socketio-bridge ]] && extra=(BRIDGE_SOCKET_PORT="$(free_port)")
  echo "starting $svc on port ${PORT[$svc]}"
  # one at a time: concurrent first starts would queue on the schema migration lock anyway
  env DATABASE_URL="$PGURL/$DB" REDIS_URL=redis://127.0.0.1:6379/0 REDIS_KEY_PREFIX="stall-$DB" WEBUI_SECRET_KEY="$SECRET" \
    QUARKUS_HTTP_PORT="${PORT[$svc]}" QUARKUS_HTTP_ACCESS_LOG_ENABLED=false UPLOAD_DIR="$WORK/uploads" DATA_DIR="$WORK/data" \
    "${extra[@]}" java -XX:+UseSerialGC -Xmx384m -jar "$svc/target/quarkus-app/quarkus-run.jar" > "$WORK/$svc.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:${PORT[$svc]}/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:${PORT[$svc]}/q/health/ready" >/dev/null || { echo "$svc did not get ready:"; tail -20 "$WORK/$svc.log"; exit 1; }
done

now=$(date +%s)
psql -q "$PGURL/$DB" -c "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
  VALUES ('$USER_ID', 'Stall Check', '$USER_ID@example.com', 'user', '/user.png', $now, $now, $now)" >/dev/null
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
HEADER=$(printf '{"alg":"HS256","typ":"JWT"}' | b64)
PAYLOAD=$(printf '{"id":"%s","jti":"stall-%s","exp":%d}' "$USER_ID" "$RANDOM" $((now + 3600)) | b64)
SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64)
TOKEN="$HEADER.$PAYLOAD.$SIG"

declare -A AUTHED=([auth-service]=/api/v1/auths/ [api-service]=/api/v1/chats/?page=1 [file-service]=/api/v1/files/
  [socketio-bridge]=/q/health/ready)
FAILED=0
row() { # service, path
  local url="http://127.0.0.1:${PORT[$1]}$2"
  ab -q -k -n 300 -c "$CONCURRENCY" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null 2>&1 || true
  ab -q -k -n "$REQUESTS" -c "$CONCURRENCY" -g "$WORK/times.tsv" -H "Authorization: Bearer $TOKEN" "$url" > "$WORK/ab.txt" 2>&1 \
    || { cat "$WORK/ab.txt"; exit 1; }
  local rps p50 p99 max over over1s non2xx verdict=ok
  rps=$(awk '/Requests per second/ {print $4}' "$WORK/ab.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/ab.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/ab.txt")
  max=$(awk '$1=="100%" {print $2}' "$WORK/ab.txt")
  non2xx=$(awk '/Non-2xx responses/ {print $3}' "$WORK/ab.txt")
  # -g writes one line per request; column 5 is its total time in ms
  over=$(awk -F'\t' -v l="$LIMIT_MS" 'NR > 1 && $5 > l' "$WORK/times.tsv" | wc -l)
  over1s=$(awk -F'\t' 'NR > 1 && $5 > 1000' "$WORK/times.tsv" | wc -l)
  if ((max > LIMIT_MS)) || [[ -n $non2xx ]]; then verdict=FAIL; FAILED=1; fi
  printf '| %-15s | %-24s | %8s | %6s | %6s | %7s | %9s | %8s | %7s | %s |\n' \
    "$1" "$2" "$rps" "$p50" "$p99" "$max" "$over" "$over1s" "${non2xx:-0}" "$verdict"
}

echo
echo "$REQUESTS requests per path, concurrency $CONCURRENCY, keep-alive, loopback, cores: $(nproc); stall limit ${LIMIT_MS} ms"
printf '| %-15s | %-24s | %8s | %6s | %6s | %7s | %9s | %8s | %7s | %s |\n' \
  service path "req/s" "p50 ms" "p99 ms" "max ms" "> ${LIMIT_MS} ms" "> 1 s" non-2xx verdict
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ----------------- -------------------------- ---------- -------- -------- --------- \
  ----------- ---------- --------- -------
for svc in "${SERVICES[@]}"; do
  row "$svc" /q/health/live
  row "$svc" "${AUTHED[$svc]}"
done
exit $FAILED
