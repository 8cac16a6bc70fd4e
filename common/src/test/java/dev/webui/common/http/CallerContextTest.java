package dev.webui.common.http;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A result completed on another context (another request's cache load, a connection's event loop) comes back on the caller's. */
class CallerContextTest {
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aResultCompletedOnAnotherContextIsHandedBackOnTheCallers() throws Exception {
        Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        Context elsewhere = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        assertNotSame(request, elsewhere);
        CompletableFuture<String> shared = new CompletableFuture<>();
        CompletableFuture<Context> seenWith = new CompletableFuture<>();
        CompletableFuture<Context> seenWithout = new CompletableFuture<>();
        request.runOnContext(v -> {
            CallerContext.resumeHere(Uni.createFrom().completionStage(shared))
                    .subscribe().with(item -> seenWith.complete(Vertx.currentContext()));
            Uni.createFrom().completionStage(shared).subscribe().with(item -> seenWithout.complete(Vertx.currentContext()));
        });
        Thread.sleep(50);
        elsewhere.runOnContext(v -> shared.complete("user"));
        assertSame(request, seenWith.get(5, TimeUnit.SECONDS), "handed back on the caller's context");
        assertSame(elsewhere, seenWithout.get(5, TimeUnit.SECONDS), "without it, the result stays where it completed");
    }

    @Test
    void aResultOnTheCallersContextIsHandedOnAtOnce() throws Exception {
        Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<Boolean> synchronous = new CompletableFuture<>();
        request.runOnContext(v -> {
            boolean[] done = new boolean[1];
            CallerContext.resumeHere(Uni.createFrom().item("cached")).subscribe().with(item -> done[0] = true);
            synchronous.complete(done[0]);
        });
        assertSame(Boolean.TRUE, synchronous.get(5, TimeUnit.SECONDS), "no hop when nothing left the context");
    }
}
