package dev.webui.api.memory;

import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * Finds a user's memories relevant to a text, for /api/v1/memories/query and for the prompt.
 * Relevance is how many of the text's words (three letters or more) a memory contains, newer
 * first on a tie; memories sharing no word with the text are not returned. (Open WebUI ranks by
 * embedding distance; embeddings live in file-service, with files and knowledge, while memories
 * are api-service's, so the ranking here is lexical and needs no model.)
 */
@ApplicationScoped
public class MemorySearch {
    private final MemoryRepository memories;

    public MemorySearch(MemoryRepository memories) {
        this.memories = memories;
    }

    public Uni<List<Memory>> relevant(String userId, String text, int limit) {
        String[] words = Arrays.stream(text.toLowerCase().split("\\W+")).filter(w -> w.length() > 2).distinct()
                .map(w -> w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")).toArray(String[]::new);
        if (words.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        return memories.matching(userId, words, limit);
    }

    /** Whether the user turned the memory feature on in their settings ({@code ui.memory}). */
    public Uni<Boolean> enabledFor(AuthenticatedUser user) {
        return memories.enabledInSettings(user.id());
    }
}
