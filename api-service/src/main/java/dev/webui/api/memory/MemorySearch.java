package dev.webui.api.memory;

import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds a user's memories relevant to a text, for /api/v1/memories/query and for the prompt: the
 * caller's own memories (the {@link #MAX_RANKED} most recently updated, within
 * {@link #MAX_CHARACTERS}) ranked by embedding similarity to the text by file-service, the k best
 * kept whatever their score. When file-service cannot rank them (unreachable, its embedding
 * engine failing), a warning is logged and the memories sharing the most words (three letters or
 * more) with the text are taken instead, so a chat never fails because of its memories.
 */
@ApplicationScoped
public class MemorySearch {
    private static final Logger LOG = Logger.getLogger(MemorySearch.class);
    static final int MAX_RANKED = 500;
    static final int MAX_CHARACTERS = 500_000;
    /** The query's embedding models read far less than this; the rest is not sent. */
    static final int MAX_QUERY_CHARACTERS = 20_000;

    /** A memory and how similar it is to the text (cosine; the share of its words when ranked lexically). */
    public record Match(Memory memory, double score) {
    }

    private final MemoryRecall memories;
    private final FileServiceRanking ranking;

    public MemorySearch(MemoryRecall memories, FileServiceRanking ranking) {
        this.memories = memories;
        this.ranking = ranking;
    }

    /** @param authorization the caller's Authorization header, forwarded to file-service */
    public Uni<List<Match>> relevant(String userId, String authorization, String text, int limit) {
        if (text.isBlank()) {
            return Uni.createFrom().item(List.of());
        }
        String query = text.length() > MAX_QUERY_CHARACTERS ? text.substring(0, MAX_QUERY_CHARACTERS) : text;
        return memories.newest(userId, MAX_RANKED).chain(newest -> {
            List<Memory> candidates = withinBudget(newest);
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(List.<Match>of());
            }
            return ranking.rank(authorization, query, candidates.stream().map(Memory::content).toList(), limit)
                    .map(ranked -> ranked.stream().map(r -> new Match(candidates.get(r.index()), r.score())).toList())
                    .onFailure().recoverWithUni(e -> {
                        LOG.warnf("Memories ranked by shared words: file-service could not rank them by meaning (%s)", e.getMessage());
                        return lexical(userId, text, limit);
                    });
        });
    }

    private static List<Memory> withinBudget(List<Memory> newest) {
        List<Memory> kept = new ArrayList<>();
        long characters = 0;
        for (Memory memory : newest) {
            characters += memory.content().length();
            if (characters > MAX_CHARACTERS) {
                break;
            }
            kept.add(memory);
        }
        return kept;
    }

    private Uni<List<Match>> lexical(String userId, String text, int limit) {
        String[] words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+")).filter(w -> w.length() > 2).distinct()
                .toArray(String[]::new);
        if (words.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        String[] patterns = Arrays.stream(words).map(w -> w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .toArray(String[]::new);
        return memories.matching(userId, patterns, limit).map(found -> found.stream().map(memory -> {
            String content = memory.content().toLowerCase(Locale.ROOT);
            return new Match(memory, (double) Arrays.stream(words).filter(content::contains).count() / words.length);
        }).toList());
    }

    /** Whether the user turned the memory feature on in their settings ({@code ui.memory}). */
    public Uni<Boolean> enabledFor(AuthenticatedUser user) {
        return memories.enabledInSettings(user.id());
    }
}
