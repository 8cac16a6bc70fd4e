package dev.webui.api.completion.round;

import dev.webui.api.completion.step.StepContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;

/**
 * The round handlers, in order. After a round the first handler with something to do decides what
 * follows (a round has either tool calls or a code block to run, rarely both; the next round
 * brings the other again).
 */
@ApplicationScoped
public class RoundHandlers {
    private final List<RoundHandler> handlers;

    @Inject
    public RoundHandlers(Instance<RoundHandler> beans) {
        this(beans.stream().toList());
    }

    public RoundHandlers(List<RoundHandler> handlers) {
        this.handlers = handlers.stream().sorted(Comparator.comparingInt(RoundHandler::order)).toList();
    }

    /** The handlers this request may need (no I/O); none means the answer has one round. */
    public List<RoundHandler> wanted(StepContext context) {
        return handlers.stream().filter(handler -> handler.wanted(context)).toList();
    }

    /** The first outcome of {@code wanted} handlers after {@code round}, or null when none has anything to do. */
    public static Uni<RoundOutcome> after(List<RoundHandler> wanted, StepContext context, RoundResult round) {
        Uni<RoundOutcome> chain = Uni.createFrom().nullItem();
        for (RoundHandler handler : wanted) {
            chain = chain.chain(outcome -> outcome != null || context.stopped().getAsBoolean()
                    ? Uni.createFrom().item(outcome) : handler.after(context, round));
        }
        return chain;
    }
}
