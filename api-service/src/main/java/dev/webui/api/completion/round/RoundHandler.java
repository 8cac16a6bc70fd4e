package dev.webui.api.completion.round;

import dev.webui.api.completion.step.StepContext;
import io.smallrye.mutiny.Uni;

/**
 * Looks at each finished round of the model's answer and decides whether something must run and
 * the model be asked again: native tool calls, the code interpreter's blocks. CDI beans; the
 * completion asks them in {@link #order()} after every round, up to a round limit.
 */
public interface RoundHandler {
    /** Tools 400, code interpreter 300 (Open WebUI's order of the features). */
    int order();

    /** Whether this request may need the handler (tools were given, the interpreter is on). No I/O. */
    boolean wanted(StepContext context);

    /**
     * @return null (an item of null) when there is nothing to do after this round; otherwise what to
     * show in the answer and what to send for the next round. Failures of what it runs are part of
     * the outcome (the model reads them); a failed Uni fails the answer.
     */
    Uni<RoundOutcome> after(StepContext context, RoundResult round);
}
