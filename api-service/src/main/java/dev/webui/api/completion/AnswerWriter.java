package dev.webui.api.completion;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * The text of one answer as it grows ({@link AnswerContent}), and its persistence: {@link #flush()}
 * (called on a timer) appends only the text not yet saved, or rewrites it when a reasoning block
 * changed what was saved, never two writes at once; {@link #finish} waits for the write in flight
 * and then stores the final state. Without a stored chat it only accumulates.
 */
final class AnswerWriter {
    private static final Logger LOG = Logger.getLogger(AnswerWriter.class);

    private final MessageStore store;
    private final String chatId;
    private final String messageId;
    private final AnswerContent content = new AnswerContent();
    private String saved = "";
    private boolean writing;
    private boolean finished;
    private CompletableFuture<Void> inflight = CompletableFuture.completedFuture(null);
    private volatile Uni<Void> begun = Uni.createFrom().voidItem();
    private volatile boolean ready = true;

    /** @param store null when the answer belongs to no stored chat */
    AnswerWriter(MessageStore store, String chatId, String messageId) {
        this.store = store;
        this.chatId = chatId;
        this.messageId = messageId;
    }

    /** Marks the message as answered by {@code model}; saves wait for it (the row may not exist before). */
    void begin(String model) {
        if (store == null) {
            return;
        }
        ready = false;
        begun = store.begin(chatId, messageId, model)
                .onFailure().invoke(e -> LOG.warnf(e, "Could not mark the answer of chat %s", chatId))
                .onFailure().recoverWithNull()
                .invoke(() -> ready = true)
                .memoize().indefinitely();
        begun.subscribe().with(ignored -> { });
    }

    synchronized void add(String delta) {
        content.content(delta);
    }

    synchronized void addReasoning(String delta) {
        content.reasoning(delta);
    }

    synchronized void cut(String raw) {
        content.cut(raw);
    }

    /** The answer goes on from {@code text}, which the stored message already holds. */
    synchronized void continueFrom(String text) {
        content.content(text);
        saved = content.text();
    }

    synchronized void addShown(String text) {
        content.shown(text);
    }

    synchronized String text() {
        return content.text();
    }

    void flush() {
        String current;
        Uni<Void> save;
        CompletableFuture<Void> write;
        synchronized (this) {
            current = store == null || !ready || writing || finished ? null : content.text();
            if (current == null || current.equals(saved)) {
                return;
            }
            save = current.startsWith(saved) ? store.append(chatId, messageId, current.substring(saved.length()))
                    : store.replace(chatId, messageId, current);
            writing = true;
            write = new CompletableFuture<>();
            inflight = write;
        }
        save.subscribe().with(ok -> {
            synchronized (this) {
                saved = current;
                writing = false;
            }
            write.complete(null);
        }, e -> {
            LOG.warnf(e, "Saving the answer of chat %s failed (retried at the next interval)", chatId);
            synchronized (this) {
                writing = false;
            }
            write.complete(null);
        });
    }

    /** Stores the whole text, done, and {@code fields} (usage, error) once the write in flight is over. */
    Uni<Void> finish(JsonNode fields) {
        CompletableFuture<Void> previous;
        synchronized (this) {
            finished = true;
            content.finish();
            previous = inflight;
        }
        if (store == null) {
            return Uni.createFrom().voidItem();
        }
        return begun.chain(() -> Uni.createFrom().completionStage(previous))
                .chain(() -> store.finish(chatId, messageId, text(), fields))
                .onFailure().invoke(e -> LOG.errorf(e, "Saving the final answer of chat %s failed", chatId))
                .onFailure().recoverWithNull();
    }
}
