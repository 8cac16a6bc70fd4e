#!/usr/bin/env bash
# Runs the packaged bridge against a scratch database and Redis prefix, loads it with load.js,
# and prints the figures plus the bridge's memory per socket. Needs: the packaged jar
# (./mvnw -B -pl socketio-bridge -am package -DskipTests), PostgreSQL and Redis on localhost, node.
# Knobs (environment): SOCKETS (default 1000), USERS (100), RATE, LATENCY_EMITS, BURST_EMITS, JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
JAR=${BRIDGE_JAR:-"$ROOT/socketio-bridge/target/quarkus-app/quarkus-run.jar"}
[ -f "$JAR" ] || { echo "build the bridge first: ./mvnw -B -pl socketio-bridge -am package -DskipTests"; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund

SOCKETS=${SOCKETS:-1000}
USERS=${USERS:-100}
ID=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB="bench_bridge_$ID"
PREFIX="bench-$ID"
SECRET="bench-secret-$ID"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SOCKET_PORT=$(free_port)
HTTP_PORT=$(free_port)
LOG=$(mktemp)

psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
cleanup() {
  [ -n "${BRIDGE_PID:-}" ] && kill "$BRIDGE_PID" 2>/dev/null && wait "$BRIDGE_PID" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null || true
  redis-cli --scan --pattern "$PREFIX:*" | xargs -r redis-cli del >/dev/null || true
}
trap cleanup EXIT

DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL=redis://127.0.0.1:6379/0 REDIS_KEY_PREFIX=$PREFIX \
  WEBUI_SECRET_KEY=$SECRET BRIDGE_SOCKET_PORT=$SOCKET_PORT QUARKUS_HTTP_PORT=$HTTP_PORT \
  java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" >"$LOG" 2>&1 &
BRIDGE_PID=$!
for _ in $(seq 1 360); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null || { cat "$LOG"; exit 1; }

USER_IDS=$(for i in $(seq 1 "$USERS"); do echo "bench-user-$i"; done | paste -sd,)
psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
  SELECT 'bench-user-' || i, 'Bench ' || i, 'bench' || i || '@example.com', 'user', '', 0, 0, 0 FROM generate_series(1, $USERS) i"

rss() { ps -o rss= -p "$BRIDGE_PID" | tr -d ' '; }
heap() { jcmd "$BRIDGE_PID" GC.run >/dev/null 2>&1; sleep 1; jcmd "$BRIDGE_PID" GC.heap_info 2>/dev/null | awk '/used/ {for(i=1;i<=NF;i++) if($i=="used") {print $(i+1); exit}}' | tr -d 'K'; }
RSS0=$(rss); HEAP0=$(heap)
READY=$(mktemp -u)
BRIDGE_URL="http://127.0.0.1:$SOCKET_PORT" REDIS_KEY_PREFIX=$PREFIX WEBUI_SECRET_KEY=$SECRET USER_IDS=$USER_IDS SOCKETS=$SOCKETS \
  READY_FILE=$READY HOLD_MS=4000 node load.js > result.json &
LOAD_PID=$!
while [ ! -f "$READY" ] && kill -0 $LOAD_PID 2>/dev/null; do sleep 0.2; done
RSS1=$(rss); HEAP1=$(heap)
wait $LOAD_PID
rm -f "$READY"
cat result.json
echo "bridge RSS: ${RSS0} KiB idle -> ${RSS1} KiB with $SOCKETS sockets: $(( (RSS1 - RSS0) / SOCKETS )) KiB per socket"
echo "bridge heap after GC: ${HEAP0} KiB -> ${HEAP1} KiB: $(( (HEAP1 - HEAP0) / SOCKETS )) KiB per socket"
rm -f result.json
