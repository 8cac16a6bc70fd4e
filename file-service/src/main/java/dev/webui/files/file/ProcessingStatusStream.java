package dev.webui.files.file;

import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The processing status as the stock upload helper waits for it: one event per poll until the
 * file is completed or failed (or gone). Polls the database, so any replica can serve the stream.
 */
@ApplicationScoped
public class ProcessingStatusStream {
    static final Duration INTERVAL = Duration.ofMillis(500);
    /** A stream never outlives this; a client that still waits simply asks again. */
    static final Duration MAX_DURATION = Duration.ofMinutes(30);

    private final FileRepository files;

    public ProcessingStatusStream(FileRepository files) {
        this.files = files;
    }

    public Uni<ProcessingStatus> once(AuthenticatedUser user, String id) {
        return files.status(id, user.id(), user.isAdmin()).map(found -> found.orElse(ProcessingStatus.NOT_FOUND));
    }

    public Multi<ProcessingStatus> watch(AuthenticatedUser user, String id) {
        return Multi.createBy().repeating().uni(() -> once(user, id)).withDelay(INTERVAL)
                .whilst(status -> !status.finished())
                .select().first(MAX_DURATION);
    }
}
