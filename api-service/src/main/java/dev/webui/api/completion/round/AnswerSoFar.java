package dev.webui.api.completion.round;

import dev.webui.api.completion.step.StepContext;

import java.util.function.Supplier;

/**
 * The answer's text so far, for a handler that shows its work in progress (Open WebUI's
 * "Executing..." blocks) before its outcome; present in socket mode only.
 */
public record AnswerSoFar(Supplier<String> text) {
    public void keepIn(StepContext context) {
        context.state().put(AnswerSoFar.class, this);
    }

    /** The text so far, or null outside socket mode. */
    public static String in(StepContext context) {
        return context.state().get(AnswerSoFar.class) instanceof AnswerSoFar so ? so.text().get() : null;
    }
}
