package dev.webui.files.web;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs blocking calls (engine queries, page fetches) side by side, at most {@code concurrency} at a time per request. */
@ApplicationScoped
public class Parallel {
    /** The value, or the failure, of one input. */
    public record Outcome<O>(O value, RuntimeException error) {
    }

    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "web-worker");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    /** One outcome per input, in the inputs' order. */
    public <I, O> List<Outcome<O>> map(List<I> inputs, int concurrency, Function<I, O> work) {
        List<Outcome<O>> outcomes = new ArrayList<>(inputs.size());
        inputs.forEach(i -> outcomes.add(null));
        if (inputs.size() == 1) {
            outcomes.set(0, attempt(inputs.get(0), work));
            return outcomes;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(concurrency, inputs.size()); w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                    outcomes.set(i, attempt(inputs.get(i), work));
                }
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.forEach(f -> f.cancel(true));
                throw new WebException("Interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return outcomes;
    }

    private static <I, O> Outcome<O> attempt(I input, Function<I, O> work) {
        try {
            return new Outcome<>(work.apply(input), null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, e);
        }
    }
}
