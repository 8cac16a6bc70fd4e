#!/usr/bin/env bash
# Benchmarks api-service's hot endpoints against a seeded database, beside a trivial endpoint
# (/api/version) measured in the same run; the ratio is the figure to compare.
# Needs: PostgreSQL and Redis on 127.0.0.1 (trust auth), ab (apache2-utils), python3, openssl.
# Usage: bench/api-bench.sh [requests-per-endpoint] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-2000}
CONCURRENCY=${2:-16}
PGURL=${BENCH_POSTGRES:-postgresql://postgres@127.0.0.1:5432}
JAR=api-service/target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d)
DB=webui_bench_$(date +%s)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
UPSTREAM_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SECRET=bench-$RANDOM$RANDOM
BENCH_USER=bench-user-$RANDOM

cleanup() {
  [[ -n "${APP:-}" ]] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  [[ -n "${UP:-}" ]] && kill "$UP" 2>/dev/null || true
  psql -q "$PGURL/postgres" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[[ -f $JAR ]] || ./mvnw -B -q -pl api-service -am package -DskipTests

# A fake OpenAI-compatible provider: a static /v1/models in the real list format.
mkdir -p "$WORK/up/v1"
python3 - "$WORK/up/v1/models" <<'PY'
import json, sys
json.dump({"object": "list", "data": [{"id": f"model-{i}", "object": "model", "created": 1700000000, "owned_by": "system"}
                                     for i in range(1, 61)]}, open(sys.argv[1], "w"))
PY
(cd "$WORK/up" && exec python3 -m http.server "$UPSTREAM_PORT" --bind 127.0.0.1 >/dev/null 2>&1) & UP=$!

psql -q "$PGURL/postgres" -c "CREATE DATABASE $DB" >/dev/null
DATABASE_URL="$PGURL/$DB" REDIS_URL=redis://127.0.0.1:6379/0 REDIS_KEY_PREFIX=bench-$DB WEBUI_SECRET_KEY=$SECRET \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_ACCESS_LOG_ENABLED=false java -Xmx512m -jar $JAR > "$WORK/app.log" 2>&1 & APP=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { cat "$WORK/app.log"; exit 1; }

echo "seeding (25,000 chats with 4-20 messages, one 1,200-message chat, 40 presets)..."
psql -q "$PGURL/$DB" -v bench_user="$BENCH_USER" -v upstream="http://127.0.0.1:$UPSTREAM_PORT/v1" -f bench/api-seed.sql >/dev/null
psql -q "$PGURL/$DB" -c "ANALYZE" >/dev/null
redis-cli -u redis://127.0.0.1:6379/0 PUBLISH "bench-$DB:config:changed" seeded >/dev/null

b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
HEADER=$(printf '{"alg":"HS256","typ":"JWT"}' | b64)
PAYLOAD=$(printf '{"id":"%s","exp":%d}' "$BENCH_USER" $(( $(date +%s) + 3600 )) | b64)
SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64)
TOKEN="$HEADER.$PAYLOAD.$SIG"
BASE="http://127.0.0.1:$PORT"

# Bodies for chat updates: the stock UI posts the whole chat; one message changed per save is typical.
# ab repeats one request, so every update hits the same chat (serialised by its row lock) and,
# after the first, finds no changed row: the figure is the cost of diffing a save.
curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/chats/chat-1-4999" \
  | python3 -c 'import json,sys; c=json.load(sys.stdin)["chat"]; c["history"]["messages"][c["history"]["currentId"]]["content"]+=" edited"; json.dump({"chat": c}, open(sys.argv[1],"w"))' "$WORK/update.json"
curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/chats/long-chat" \
  | python3 -c 'import json,sys; c=json.load(sys.stdin)["chat"]; c["history"]["messages"]["m1199"]["content"]+=" edited"; json.dump({"chat": c}, open(sys.argv[1],"w"))' "$WORK/update-long.json"

run() { # name, extra ab args..., url
  local name=$1; shift
  ab -q ${KEEPALIVE--k} -n "$REQUESTS" -c "$CONCURRENCY" -H "Authorization: Bearer $TOKEN" "$@" > "$WORK/ab.txt" 2>&1 || { cat "$WORK/ab.txt"; return 1; }
  local rps p50 p99 failed
  rps=$(awk '/Requests per second/ {print $4}' "$WORK/ab.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/ab.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/ab.txt")
  failed=$(awk '/Non-2xx responses/ {print $3}' "$WORK/ab.txt")
  printf '| %-38s | %9s | %6s | %6s | %s |\n' "$name" "$rps" "$p50" "$p99" "${failed:-0}"
}

warm() { ab -q -k -n 300 -c 4 -H "Authorization: Bearer $TOKEN" "$@" >/dev/null 2>&1 || true; }
for url in /api/version /api/config /api/models "/api/v1/chats/?page=1" /api/v1/chats/chat-1-4999 /api/v1/chats/long-chat; do warm "$BASE$url"; done

echo
echo "requests per endpoint: $REQUESTS, concurrency: $CONCURRENCY, cores: $(nproc)"
printf '| %-38s | %9s | %6s | %6s | %s |\n' endpoint "req/s" "p50 ms" "p99 ms" non-2xx
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..40})" "-----------" "--------" "--------" "--------"
run "GET /api/version (trivial)" "$BASE/api/version"
run "GET /api/config (verified)" "$BASE/api/config"
run "GET /api/models" "$BASE/api/models"
run "GET /api/v1/chats/?page=1 (5,000 chats)" "$BASE/api/v1/chats/?page=1"
run "GET /api/v1/chats/{id} (20 messages)" "$BASE/api/v1/chats/chat-1-4999"
run "POST /api/v1/chats/{id} (20 messages)" -p "$WORK/update.json" -T application/json "$BASE/api/v1/chats/chat-1-4999"
# Responses of about 1 MB are streamed without a length, which ab's HTTP/1.0 keep-alive cannot follow.
REQUESTS=$(( REQUESTS / 10 )) CONCURRENCY=4 KEEPALIVE=
run "GET /api/v1/chats/{id} (1,200 messages)" "$BASE/api/v1/chats/long-chat"
run "POST /api/v1/chats/{id} (1,200 messages)" -p "$WORK/update-long.json" -T application/json "$BASE/api/v1/chats/long-chat"
REQUESTS=$(( REQUESTS / 4 )) KEEPALIVE=-k
run "GET /api/v1/chats/search?text=topic 42" "$BASE/api/v1/chats/search?text=topic%2042"
# The same search without the V7 trigram indexes, in the same run: the ratio is the index's effect.
psql -q "$PGURL/$DB" -c "DROP INDEX IF EXISTS chat_title_trgm_idx, chat_message_content_trgm_idx" >/dev/null
run "GET /api/v1/chats/search (no trgm index)" "$BASE/api/v1/chats/search?text=topic%2042"
echo
echo "single 1,200-message read, server time (ms) of 5 sequential calls:"
for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/chats/long-chat"; done
echo "RSS of the service after the run: $(ps -o rss= -p $APP | awk '{printf "%d MB", $1/1024}')"
