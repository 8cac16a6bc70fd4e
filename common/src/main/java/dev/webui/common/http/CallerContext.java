package dev.webui.common.http;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hands a result back on the Vert.x context that asked for it. A result can complete elsewhere: a
 * cache entry whose load another request started completes on that request's context, a Redis or
 * SQL connection answers on its own event loop. Code after it that needs the request (its request
 * scope, the security identity) must run on the request's context again, or it fails with
 * "RequestScoped context was not active".
 */
public final class CallerContext {
    private CallerContext() {
    }

    /** {@code uni}, emitting on the context that subscribes to it (at once when it completes there). */
    public static <T> Uni<T> resumeHere(Uni<T> uni) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller == null) {
                return uni;
            }
            return uni.emitOn(task -> {
                if (Vertx.currentContext() == caller) {
                    task.run();
                } else {
                    caller.runOnContext(ignored -> task.run());
                }
            });
        });
    }
}
