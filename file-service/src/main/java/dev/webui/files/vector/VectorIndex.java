package dev.webui.files.vector;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.files.config.RagConfig;
import dev.webui.files.db.Sql;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * Exact cosine-similarity search over float4[] vectors on stock PostgreSQL. A collection's vectors
 * are loaded once per version into a contiguous array per replica (bounded by RAG_VECTOR_CACHE_MB)
 * and scanned completely, so the ranking is exactly that of cosine similarity, not an approximation.
 */
@ApplicationScoped
public class VectorIndex {
    private static final Comparator<Hit> BY_SCORE = Comparator.comparingDouble(Hit::score);
    /** Below this many multiplications a scan stays on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 2_000_000;

    private final Sql sql;
    private final Cache<String, Loaded> cache;

    public VectorIndex(Sql sql, RagConfig config) {
        this.sql = sql;
        this.cache = Caffeine.newBuilder()
                .maximumWeight((long) config.ragVectorCacheMb() * 1024 * 1024)
                .weigher((String key, Loaded value) -> (int) Math.min(Integer.MAX_VALUE, value.bytes()))
                .build();
    }

    /** A match: the chunk id and its cosine similarity in [-1, 1]. */
    public record Hit(String chunkId, double score) {
    }

    record Loaded(long version, String[] ids, float[] vectors, double[] norms, int dimension) {
        long bytes() {
            return (long) vectors.length * 4 + (long) norms.length * 8 + (long) ids.length * 100;
        }
    }

    /** The k chunks most similar to {@code query} across the collections (only chunks of {@code model}). */
    public List<Hit> search(List<String> collections, String model, float[] query, int k) {
        Map<String, Long> versions = versions(collections);
        double queryNorm = norm(query, 0, query.length);
        double[] q = new double[query.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = query[j];
        }
        PriorityQueue<Hit> best = new PriorityQueue<>(BY_SCORE);
        for (String collection : collections) {
            Long version = versions.get(collection);
            if (version == null) {
                continue;
            }
            Loaded loaded = current(collection, model, version);
            if (loaded.dimension() != query.length || queryNorm == 0) {
                continue;
            }
            scan(loaded, q, queryNorm, k, best);
        }
        List<Hit> out = new ArrayList<>(best);
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /** Scans all vectors; large collections are split over the cores and their best k merged. */
    private static void scan(Loaded loaded, double[] query, double queryNorm, int k, PriorityQueue<Hit> best) {
        int n = loaded.ids().length;
        int parts = (long) n * loaded.dimension() < PARALLEL_THRESHOLD ? 1 : Runtime.getRuntime().availableProcessors();
        int step = (n + parts - 1) / Math.max(1, parts);
        List<PriorityQueue<Hit>> partial = IntStream.range(0, parts).parallel()
                .mapToObj(p -> scanRange(loaded, query, queryNorm, k, p * step, Math.min(n, (p + 1) * step)))
                .toList();
        partial.forEach(queue -> queue.forEach(hit -> offer(best, hit, k)));
    }

    private static PriorityQueue<Hit> scanRange(Loaded loaded, double[] query, double queryNorm, int k, int from, int to) {
        PriorityQueue<Hit> best = new PriorityQueue<>(BY_SCORE);
        int dim = loaded.dimension();
        float[] v = loaded.vectors();
        for (int i = from; i < to; i++) {
            double normI = loaded.norms()[i];
            if (normI == 0) {
                continue;
            }
            double score = dot(v, i * dim, query) / (normI * queryNorm);
            if (best.size() < k || score > best.peek().score()) {
                offer(best, new Hit(loaded.ids()[i], score), k);
            }
        }
        return best;
    }

    /**
     * Dot product in double precision with eight independent sums: the additions of one sum wait
     * on each other, eight of them keep the core's floating-point units busy (about 3x faster
     * than one running sum; the result differs only in the last bits of a double).
     */
    private static double dot(float[] v, int base, double[] q) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = q.length;
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            int b = base + j;
            s0 += v[b] * q[j];
            s1 += v[b + 1] * q[j + 1];
            s2 += v[b + 2] * q[j + 2];
            s3 += v[b + 3] * q[j + 3];
            s4 += v[b + 4] * q[j + 4];
            s5 += v[b + 5] * q[j + 5];
            s6 += v[b + 6] * q[j + 6];
            s7 += v[b + 7] * q[j + 7];
        }
        for (; j < n; j++) {
            s0 += v[base + j] * q[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static void offer(PriorityQueue<Hit> best, Hit hit, int k) {
        if (best.size() < k) {
            best.add(hit);
        } else if (hit.score() > best.peek().score()) {
            best.poll();
            best.add(hit);
        }
    }

    private Map<String, Long> versions(List<String> collections) {
        Map<String, Long> out = new HashMap<>();
        sql.list("SELECT name, version FROM rag_collection WHERE name = ANY($1)", Tuple.of(collections.toArray(String[]::new)),
                row -> out.put(row.getString(0), row.getLong(1)));
        return out;
    }

    private Loaded current(String collection, String model, long version) {
        String key = collection + "\n" + model;
        Loaded cached = cache.getIfPresent(key);
        if (cached != null && cached.version() >= version) {
            return cached;
        }
        Loaded loaded = load(collection, model, version);
        cache.put(key, loaded);
        return loaded;
    }

    private Loaded load(String collection, String model, long version) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        // array_send gives PostgreSQL's binary array format: read floats straight from it, no boxing
        sql.list("SELECT id, array_send(embedding) FROM rag_chunk WHERE collection_name = $1 AND embedding_model = $2",
                Tuple.of(collection, model), row -> {
                    ids.add(row.getString(0));
                    vectors.add(FloatArrays.fromBinary(row.getBuffer(1).getBytes()));
                    return null;
                });
        int dim = vectors.isEmpty() ? 0 : vectors.get(0).length;
        float[] flat = new float[ids.size() * dim];
        double[] norms = new double[ids.size()];
        for (int i = 0; i < vectors.size(); i++) {
            float[] vector = vectors.get(i);
            if (vector.length != dim) {
                continue; // a stray vector of another dimension never matches (its norm stays 0)
            }
            System.arraycopy(vector, 0, flat, i * dim, dim);
            norms[i] = norm(flat, i * dim, dim);
        }
        return new Loaded(version, ids.toArray(String[]::new), flat, norms, dim);
    }

    private static double norm(float[] v, int from, int length) {
        double sum = 0;
        for (int j = from; j < from + length; j++) {
            sum += (double) v[j] * v[j];
        }
        return Math.sqrt(sum);
    }
}
