#!/usr/bin/env bash
# Web search pipeline overhead (docs/web-search.md, figure in docs/benchmarks.md): file-service's
# time from the engine's hits to the context the model gets, with 5 pages of ~50 KB served on
# loopback, an engine that answers at once and instant embeddings, so what is left is ours
# (fetching, extraction, chunking, embedding round trips, storing, the retrieval query).
# Runs file-service's WebSearchBench in its test harness (PostgreSQL and Redis on 127.0.0.1).
# Knobs (environment): RUNS (30), WARMUP (5), MVN (./mvnw -B -o; on the shared machine /work/wt/mvn).
set -euo pipefail
cd "$(dirname "$0")/../.."
MVN=${MVN:-"./mvnw -B -o"}
$MVN -q -pl file-service -am verify -DskipITs -Dtest=WebSearchBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.runs="${RUNS:-30}" -Dbench.warmup="${WARMUP:-5}" >/dev/null
cat file-service/target/websearch-bench.txt
