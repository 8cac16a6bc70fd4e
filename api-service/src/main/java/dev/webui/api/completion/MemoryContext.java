package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.memory.Memory;
import dev.webui.api.memory.MemorySearch;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The user's memories for the prompt, when the memory feature is on: the request's
 * {@code features.memory} when it says so (the stock UI sends it only when on), else the user's
 * {@code ui.memory} setting. The three most relevant memories (see {@link MemorySearch}) become a "User Context" list
 * appended to the system message, each with the date it was saved.
 */
@ApplicationScoped
public class MemoryContext {
    static final int LIMIT = 3;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final MemorySearch search;

    public MemoryContext(MemorySearch search) {
        this.search = search;
    }

    /** The text to add to the system message, or null when memory is off or nothing is relevant. */
    public Uni<String> forPrompt(AuthenticatedUser user, CompletionRequest request, String query, String authorization) {
        if (user == null || query.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        JsonNode asked = request.body().path("features").get("memory");
        Uni<Boolean> enabled = asked != null && asked.isBoolean() ? Uni.createFrom().item(asked.booleanValue())
                : search.enabledFor(user);
        return enabled.chain(on -> on ? search.relevant(user.id(), authorization, query, LIMIT)
                .map(found -> format(found.stream().map(MemorySearch.Match::memory).toList()))
                : Uni.createFrom().nullItem());
    }

    static String format(List<Memory> memories) {
        if (memories.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("User Context:\n");
        for (int i = 0; i < memories.size(); i++) {
            Memory memory = memories.get(i);
            out.append(i + 1).append(". [").append(DATE.format(Instant.ofEpochSecond(memory.createdAt()))).append("] ")
                    .append(memory.content()).append('\n');
        }
        return out.toString();
    }
}
