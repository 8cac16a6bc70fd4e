package dev.webui.api.note;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.json.JsonText;
import dev.webui.common.auth.UserDirectory;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves the content of collaboratively edited notes (docs/channels.md, "Collaborative notes"). The bridge keeps the Yjs
 * document and forwards each update's rendered content on the client-events channel; this saves
 * the last one of a burst 0.5 s after it (each update restarts the wait), after re-checking that
 * the sender may write the note. Every replica hears every event and writes the same last content,
 * so the outcome does not depend on which replica's write lands last.
 */
@ApplicationScoped
public class NoteContentSaver {
    private static final Logger LOG = Logger.getLogger(NoteContentSaver.class);
    static final long DEBOUNCE_MS = 500;
    private static final String EVENT = "ydoc:document:update";
    private static final String PREFIX = "note:";

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final JsonText json;
    private final Vertx vertx;
    private final UserDirectory users;
    private final NoteService notes;
    private final Map<String, Long> timers = new ConcurrentHashMap<>();
    private Cancellable subscription;

    public NoteContentSaver(ReactiveRedisDataSource redis, RedisKeys keys, JsonText json, Vertx vertx, UserDirectory users,
                            NoteService notes) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.vertx = vertx;
        this.users = users;
        this.notes = notes;
    }

    void start(@Observes StartupEvent event) {
        subscription = redis.pubsub(String.class).subscribe(keys.clientEventChannel())
                .onFailure().invoke(e -> LOG.warnf("Client event subscription lost (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(this::received);
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.cancel();
        }
        timers.values().forEach(vertx::cancelTimer);
    }

    private void received(String message) {
        JsonNode event;
        try {
            event = json.read(message);
        } catch (IllegalStateException e) {
            LOG.warnf("Ignoring a malformed client event");
            return;
        }
        if (event == null || !EVENT.equals(event.path("event").asText()) || !event.path("user_id").isTextual()) {
            return;
        }
        String documentId = event.at("/data/document_id").asText("");
        JsonNode content = event.at("/data/data");
        if (!documentId.startsWith(PREFIX) || documentId.length() == PREFIX.length() || !content.isObject()) {
            return;
        }
        String noteId = documentId.substring(PREFIX.length());
        String userId = event.get("user_id").asText();
        timers.compute(noteId, (id, previous) -> {
            if (previous != null) {
                vertx.cancelTimer(previous);
            }
            return vertx.setTimer(DEBOUNCE_MS, timer -> {
                timers.remove(id, timer);
                save(id, userId, content).subscribe().with(done -> { },
                        e -> LOG.warnf(e, "Saving the content of note %s failed", id));
            });
        });
    }

    private Uni<Void> save(String noteId, String userId, JsonNode content) {
        return users.findById(userId).chain(user -> user.isEmpty() ? Uni.createFrom().voidItem()
                : notes.saveContent(user.get(), noteId, content));
    }
}
