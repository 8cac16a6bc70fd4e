#!/usr/bin/env bash
# Channel message fan-out over two bridge instances: starts the packaged bridge twice (own ports, one
# Redis and database), creates MEMBERS users and one public channel, and runs fanout.js.
# Needs: ./mvnw -B -pl socketio-bridge -am package -DskipTests, PostgreSQL and Redis on localhost, node.
# Knobs (environment): MEMBERS (500), RATE (10), MESSAGES (200), BURST (50), JAVA_OPTS (-Xmx512m).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
JAR=${BRIDGE_JAR:-"$ROOT/socketio-bridge/target/quarkus-app/quarkus-run.jar"}
[ -f "$JAR" ] || { echo "build the bridge first: ./mvnw -B -pl socketio-bridge -am package -DskipTests"; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund

MEMBERS=${MEMBERS:-500}
ID=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB="bench_channels_$ID"
PREFIX="bench-$ID"
SECRET="bench-secret-$ID"
CHANNEL="bench-channel-$ID"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=()
LOGS=()

psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null || true
  redis-cli --scan --pattern "$PREFIX:*" | xargs -r redis-cli del >/dev/null || true
  rm -f "${LOGS[@]}"
}
trap cleanup EXIT

start_bridge() {
  local socket_port=$1 http_port=$2 log
  log=$(mktemp); LOGS+=("$log")
  DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL=redis://127.0.0.1:6379/0 REDIS_KEY_PREFIX=$PREFIX \
    WEBUI_SECRET_KEY=$SECRET BRIDGE_SOCKET_PORT=$socket_port QUARKUS_HTTP_PORT=$http_port \
    java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" >"$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 360); do curl -sf "http://127.0.0.1:$http_port/q/health/ready" >/dev/null && return; sleep 0.5; done
  cat "$log"; exit 1
}
A_SOCKET=$(free_port); A_HTTP=$(free_port); B_SOCKET=$(free_port); B_HTTP=$(free_port)
start_bridge "$A_SOCKET" "$A_HTTP"   # the first one also migrates the scratch database
start_bridge "$B_SOCKET" "$B_HTTP"

psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
  SELECT 'bench-user-' || i, 'Bench ' || i, 'bench' || i || '@example.com', 'user', '', 0, 0, 0 FROM generate_series(1, $MEMBERS) i;
  INSERT INTO channel (id, user_id, name, access_control, created_at, updated_at) VALUES ('$CHANNEL', 'bench-user-1', 'bench', NULL, 0, 0)"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
BRIDGE_A="http://127.0.0.1:$A_SOCKET" BRIDGE_B="http://127.0.0.1:$B_SOCKET" REDIS_KEY_PREFIX=$PREFIX WEBUI_SECRET_KEY=$SECRET \
  CHANNEL_ID=$CHANNEL MEMBERS=$MEMBERS node fanout.js
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
