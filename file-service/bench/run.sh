#!/usr/bin/env bash
# file-service benchmarks (not part of the test suite). Needs the packaged service
# (./mvnw -pl file-service -am package -DskipTests), PostgreSQL and Redis on localhost, curl,
# openssl and psql. Prints upload MB/s vs a plain copy (and the service's peak RSS), embedding
# throughput, and retrieval p50/p99 over a knowledge base of CHUNKS random 384-d chunks.
set -euo pipefail
cd "$(dirname "$0")/.."

UPLOAD_MB=${UPLOAD_MB:-200}
CHUNKS=${CHUNKS:-50000}
QUERIES=${QUERIES:-200}
PORT=${PORT:-18083}
PARTS=${PARTS:-upload,embed,retrieval}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
# another build to compare with, side by side (e.g. a copy of target/quarkus-app made before a change)
APP=${APP:-target/quarkus-app}
DB=bench_files_$$
WORK=$(mktemp -d -p "${BENCH_DIR:-$PWD/target}" bench.XXXXXX)
SECRET=bench-secret-$$
BASE=http://127.0.0.1:$PORT

cleanup() {
  [[ -n "${PID:-}" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
jwt() {
  local header payload sig
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"id":"%s","exp":%d}' "$1" $(( $(date +%s) + 86400 )) | b64url)
  sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$sig"
}
sql() { psql -q -t -A -h 127.0.0.1 -U postgres -d "$DB" -c "$1"; }

psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
DATABASE_URL=postgresql://postgres@127.0.0.1:5432/$DB WEBUI_SECRET_KEY=$SECRET REDIS_KEY_PREFIX=bench-$$ \
  UPLOAD_DIR=$WORK/uploads QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
  java $JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 1 360); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/health" >/dev/null || { echo "service did not start:"; tail -20 "$WORK/service.log"; exit 1; }

ADMIN=$(cat /proc/sys/kernel/random/uuid)
sql "INSERT INTO \"user\" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
     VALUES ('$ADMIN', 'bench', 'bench@example.com', 'admin', '/user.png', 0, 0, 0)"
TOKEN=$(jwt "$ADMIN")
AUTH=(-H "Authorization: Bearer $TOKEN")

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }

part() { [[ ",$PARTS," == *",$1,"* ]]; }

if part upload; then
echo "== upload of a ${UPLOAD_MB} MB file (same disk), JAVA_OPTS=$JAVA_OPTS"
head -c $((UPLOAD_MB * 1024 * 1024)) /dev/urandom > "$WORK/big.bin"
sync
start=$(date +%s.%N); cp "$WORK/big.bin" "$WORK/copy.bin"; sync; end=$(date +%s.%N)
copy_s=$(echo "$end - $start" | bc -l)
rm -f "$WORK/copy.bin"
curl -s "${AUTH[@]}" "$BASE/api/v1/files/" >/dev/null   # warm up
rss_before=$(rss_kb); peak=$rss_before
( while kill -0 "$PID" 2>/dev/null; do r=$(rss_kb); echo "$r"; sleep 0.05; done ) > "$WORK/rss.log" &
SAMPLER=$!
start=$(date +%s.%N)
curl -sf "${AUTH[@]}" -F "file=@$WORK/big.bin" "$BASE/api/v1/files/?process=false" >/dev/null
sync; end=$(date +%s.%N)
kill $SAMPLER 2>/dev/null || true
upload_s=$(echo "$end - $start" | bc -l)
peak=$(sort -n "$WORK/rss.log" | tail -1)
printf 'plain copy: %.1f MB/s   upload: %.1f MB/s   service RSS before %d MB, peak during upload %d MB\n' \
  "$(echo "$UPLOAD_MB / $copy_s" | bc -l)" "$(echo "$UPLOAD_MB / $upload_s" | bc -l)" $((rss_before / 1024)) $((peak / 1024))

fi

if part embed; then
echo "== embedding throughput (in-process all-MiniLM-L6-v2)"
python3 - "$WORK/text.json" <<'PY'
import json, random, sys
random.seed(1)
words = "river mountain cloud data engine paper garden music window market forest signal".split()
paras = [" ".join(random.choice(words) for _ in range(150)) for _ in range(400)]
json.dump({"name": "bench", "content": "\n\n".join(paras)}, open(sys.argv[1], "w"))
PY
curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"name":"warm","content":"warm up the model"}' \
  "$BASE/api/v1/retrieval/process/text" >/dev/null
start=$(date +%s.%N)
coll=$(curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d @"$WORK/text.json" "$BASE/api/v1/retrieval/process/text" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["collection_name"])')
end=$(date +%s.%N)
n=$(sql "SELECT count(*) FROM rag_chunk WHERE collection_name = '$coll'")
printf 'embedded %d chunks in %.1f s: %.1f chunks/s\n' "$n" "$(echo "$end - $start" | bc -l)" "$(echo "$n / ($end - $start)" | bc -l)"

fi

if part retrieval; then
echo "== retrieval over $CHUNKS chunks"
KB=$(cat /proc/sys/kernel/random/uuid)
sql "INSERT INTO knowledge (id, user_id, name, description, data, created_at, updated_at)
     VALUES ('$KB', '$ADMIN', 'bench', '', '{\"file_ids\":[]}', 0, 0)"
sql "INSERT INTO rag_chunk (id, collection_name, position, text, metadata, embedding, embedding_model)
     SELECT gen_random_uuid()::text, '$KB', g, 'chunk ' || g, '{}'::jsonb,
            (SELECT array_agg((random() - 0.5)::real) FROM generate_series(1, 384) d WHERE g > 0),
            'sentence-transformers/all-MiniLM-L6-v2'
     FROM generate_series(1, $CHUNKS) g"
sql "INSERT INTO rag_collection (name, version) VALUES ('$KB', 1)"
body='{"collection_names":["'$KB'"],"query":"where do rivers meet the sea","k":5}'
start=$(date +%s.%N)
curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d "$body" "$BASE/api/v1/retrieval/query/collection" >/dev/null
end=$(date +%s.%N)
printf 'first query (loads the collection into memory): %.0f ms\n' "$(echo "($end - $start) * 1000" | bc -l)"
for _ in $(seq 1 "$QUERIES"); do
  curl -sf -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" -H 'Content-Type: application/json' -d "$body" \
    "$BASE/api/v1/retrieval/query/collection"
done | sort -n > "$WORK/lat.txt"
p50=$(awk -v n="$QUERIES" 'NR == int(n * 0.50) {print $1 * 1000}' "$WORK/lat.txt")
p99=$(awk -v n="$QUERIES" 'NR == int(n * 0.99) {print $1 * 1000}' "$WORK/lat.txt")
printf '%d queries: p50 %.1f ms, p99 %.1f ms (service RSS %d MB)\n' "$QUERIES" "$p50" "$p99" $(( $(rss_kb) / 1024 ))
fi
