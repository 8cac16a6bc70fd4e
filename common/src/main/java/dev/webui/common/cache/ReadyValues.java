package dev.webui.common.cache;

import java.util.concurrent.CompletableFuture;

/** Reads an async cache's entry without waiting: for hot paths that take the slower path when it is not there yet. */
public final class ReadyValues {
    private ReadyValues() {
    }

    /** The entry's value when its load has finished successfully; null when absent, still loading or failed. */
    public static <T> T of(CompletableFuture<T> entry) {
        return entry == null || !entry.isDone() || entry.isCompletedExceptionally() ? null : entry.join();
    }
}
