package dev.webui.files.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vectors of short texts that are embedded again and again (a user's memories, ranked for every
 * message), kept least-recently-used up to {@link #MAX_FLOATS} floats (64 MB) in all. The key is
 * a SHA-256 of the engine's identity and the text, so a changed engine or model never reuses an
 * old vector and the texts themselves are not kept.
 */
@ApplicationScoped
public class EmbeddingCache {
    static final long MAX_FLOATS = 16_000_000;

    private final Embedder embedder;
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumWeight(MAX_FLOATS)
            .weigher((String key, float[] vector) -> vector.length).build();

    public EmbeddingCache(Embedder embedder) {
        this.embedder = embedder;
    }

    /** One vector per text, in order; only the texts not cached are sent to the engine. */
    public List<float[]> embed(EmbeddingEngine engine, List<String> texts) {
        List<String> keys = texts.stream().map(text -> key(engine, text)).toList();
        Map<String, float[]> found = new HashMap<>(vectors.getAllPresent(keys));
        Map<String, String> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!found.containsKey(keys.get(i))) {
                missing.putIfAbsent(keys.get(i), texts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            List<String> missingKeys = new ArrayList<>(missing.keySet());
            List<float[]> fresh = embedder.embed(engine, new ArrayList<>(missing.values()), done -> { });
            for (int i = 0; i < missingKeys.size(); i++) {
                found.put(missingKeys.get(i), fresh.get(i));
                vectors.put(missingKeys.get(i), fresh.get(i));
            }
        }
        return keys.stream().map(found::get).toList();
    }

    private static String key(EmbeddingEngine engine, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(engine.identity().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
