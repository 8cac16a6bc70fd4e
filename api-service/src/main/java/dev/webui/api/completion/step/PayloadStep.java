package dev.webui.api.completion.step;

import io.smallrye.mutiny.Uni;

/**
 * A chat feature that runs after the model is resolved and before the request goes upstream
 * (web search, image generation, the code interpreter's prompt, tools): it may change the
 * payload, add sources, emit status events and add fields to the saved answer. Steps are CDI
 * beans; {@link PayloadSteps} runs those a request wants, one after the other, by {@link #order()}.
 */
public interface PayloadStep {
    /** Open WebUI's order: web search 100, image generation 200, code interpreter 300, tools 400. */
    int order();

    /** Whether this request asks for the step (a switch in {@code features}, tool ids...). No I/O. */
    boolean wanted(StepContext context);

    /**
     * Does the step's work. A failure the user should know of is reported through
     * {@link StepContext#events()} as an error status and the step completes normally, so the
     * answer still comes; a failed Uni stops the completion with that error.
     */
    Uni<Void> run(StepContext context);
}
