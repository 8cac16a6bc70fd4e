#!/usr/bin/env bash
# Time to first token added by api-service (SSE mode and socket mode) at 1 and 200 concurrent
# streams, next to the same requests sent straight to the provider in the same run, and the time
# before the provider receives the request when continuing a 1,200-message chat.
# Needs: the packaged api-service (./mvnw -B -pl api-service -am package -DskipTests), PostgreSQL
# and Redis on 127.0.0.1 (trust auth), node, python3, openssl, curl, psql.
# MODE=tools instead times what api-service adds per tool round (tool-rounds.js).
# Knobs (environment): ROUNDS (300), CONCURRENT (200), JAVA_OPTS (default: the suite's flags, deploy/kubernetes/jvm.env).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
JAR=${API_JAR:-"$ROOT/api-service/target/quarkus-app/quarkus-run.jar"}
[ -f "$JAR" ] || { echo "build api-service first: ./mvnw -B -pl api-service -am package -DskipTests"; exit 1; }

ID=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB="bench_completions_$ID"
PREFIX="bench-$ID"
SECRET="bench-secret-$ID"
ADMIN="bench-admin-$ID"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
UPSTREAM_PORT=$(free_port)
LOG=$(mktemp)

psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
cleanup() {
  local status=$?
  [ $status -ne 0 ] && { echo "--- last lines of api-service's log:"; tail -n 40 "$LOG"; }
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || true
  redis-cli --scan --pattern "$PREFIX:*" | xargs -r redis-cli del >/dev/null || true
  rm -f "$LOG"
}
trap cleanup EXIT

DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL=redis://127.0.0.1:6379/0 REDIS_KEY_PREFIX=$PREFIX \
  WEBUI_SECRET_KEY=$SECRET QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
  java ${JAVA_OPTS:-$(sed -n 's/^JDK_JAVA_OPTIONS=//p' "$ROOT/deploy/kubernetes/jvm.env")} -jar "$JAR" >"$LOG" 2>&1 &
APP=$!
for _ in $(seq 1 360); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { cat "$LOG"; exit 1; }

psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
  VALUES ('$ADMIN', 'Bench', 'bench@example.com', 'admin', '', 0, 0, 0)"
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
HEADER=$(printf '{"alg":"HS256","typ":"JWT"}' | b64)
PAYLOAD=$(printf '{"id":"%s","exp":%d}' "$ADMIN" $(( $(date +%s) + 7200 )) | b64)
TOKEN="$HEADER.$PAYLOAD.$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64)"
API="http://127.0.0.1:$PORT"
auth=(-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json")

curl -sf "${auth[@]}" -d "{\"ENABLE_OPENAI_API\": true, \"OPENAI_API_BASE_URLS\": [\"http://127.0.0.1:$UPSTREAM_PORT/v1\"],
  \"OPENAI_API_KEYS\": [\"\"], \"OPENAI_API_CONFIGS\": {\"0\": {\"enable\": true, \"model_ids\": [\"gpt-fake\"]}}}" \
  "$API/openai/config/update" >/dev/null
CHAT_ID=$(python3 -c '
import json
nodes = {}
for i in range(1200):
    nodes[f"m{i}"] = {"id": f"m{i}", "parentId": f"m{i-1}" if i else None, "childrenIds": [f"m{i+1}"] if i < 1199 else [],
                      "role": "assistant" if i % 2 else "user", "content": f"message {i} ".ljust(500, "x"), "timestamp": 1700000000 + i}
print(json.dumps({"chat": {"title": "long", "models": ["gpt-fake"], "history": {"currentId": "m1199", "messages": nodes}}}))' \
  | curl -sf "${auth[@]}" -d @- "$API/api/v1/chats/new" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${MODE:-}" = tools ]; then
  API=$API TOKEN=$TOKEN UPSTREAM_PORT=$UPSTREAM_PORT CALL_CHANNEL="$PREFIX:bridge:call" ROUNDS=${ROUNDS:-300} node tool-rounds.js
  exit 0
fi
API=$API TOKEN=$TOKEN UPSTREAM_PORT=$UPSTREAM_PORT EMIT_CHANNEL="$PREFIX:bridge:emit" CHAT_ID=$CHAT_ID \
  ROUNDS=${ROUNDS:-300} CONCURRENT=${CONCURRENT:-200} node load.js
