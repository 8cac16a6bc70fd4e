package dev.webui.files.vector;

import dev.webui.files.support.FilesTestEnvironment;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = FilesTestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class VectorIndexTest {
    @Inject
    ChunkStore store;
    @Inject
    VectorIndex index;

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void rankingIsExactlyCosineSimilarityAcrossCollections() {
        assertRankingIsCosine("small", 300, 16);
    }

    @Test
    void largeCollectionsScannedInParallelRankTheSame() {
        assertRankingIsCosine("large", 2500, 1000);
    }

    void assertRankingIsCosine(String prefix, int count, int dim) {
        Random random = new Random(42);
        List<Chunk> a = new ArrayList<>();
        List<Chunk> b = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[dim];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian() * (1 + random.nextInt(5));
            }
            (i % 2 == 0 ? a : b).add(new Chunk(i, "chunk " + i, v));
        }
        store.replace(prefix + "-a", null, a, "test-model", Map.of());
        store.replace(prefix + "-b", null, b, "test-model", Map.of());
        float[] query = new float[dim];
        for (int j = 0; j < query.length; j++) {
            query[j] = (float) random.nextGaussian();
        }
        List<VectorIndex.Hit> hits = index.search(List.of(prefix + "-a", prefix + "-b"), "test-model", query, 25);
        Map<String, ChunkStore.StoredChunk> texts = store.byIds(hits.stream().map(VectorIndex.Hit::chunkId).toList());
        List<Chunk> all = new ArrayList<>(a);
        all.addAll(b);
        List<Chunk> expected = all.stream().sorted(Comparator.comparingDouble((Chunk c) -> cosine(c.embedding(), query)).reversed())
                .limit(25).toList();
        assertEquals(expected.stream().map(Chunk::text).toList(), hits.stream().map(h -> texts.get(h.chunkId()).text()).toList());
        for (int i = 0; i < 25; i++) {
            assertEquals(cosine(expected.get(i).embedding(), query), hits.get(i).score(), 1e-12);
        }
    }

    @Test
    void changesAreSeenAndOtherModelsIgnored() {
        store.replace("coll-c", null, List.of(new Chunk(0, "x", new float[]{1, 0})), "m1", Map.of());
        assertEquals(1, index.search(List.of("coll-c"), "m1", new float[]{1, 0}, 5).size());
        assertTrue(index.search(List.of("coll-c"), "m2", new float[]{1, 0}, 5).isEmpty());
        store.replace("coll-c", null, List.of(new Chunk(0, "y", new float[]{0, 1}), new Chunk(1, "z", new float[]{1, 1})), "m1", Map.of());
        List<VectorIndex.Hit> hits = index.search(List.of("coll-c"), "m1", new float[]{0, 1}, 5);
        assertEquals(2, hits.size());
        assertEquals(1.0, hits.get(0).score(), 1e-9);
        store.dropCollection("coll-c");
        assertTrue(index.search(List.of("coll-c"), "m1", new float[]{0, 1}, 5).isEmpty());
        assertTrue(index.search(List.of("never-made"), "m1", new float[]{0, 1}, 5).isEmpty());
    }
}
