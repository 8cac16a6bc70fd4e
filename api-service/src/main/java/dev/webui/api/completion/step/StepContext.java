package dev.webui.api.completion.step;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.CompletionRequest;
import dev.webui.api.completion.ResolvedModel;
import dev.webui.common.auth.AuthenticatedUser;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What a step sees and may change for one completion.
 *
 * @param authorization the caller's Authorization header (for calls to file-service on their behalf)
 * @param payload       the body that goes upstream; a step may add messages, tools or system text
 * @param sources       the answer's sources in the spec's shape ({@code {source, document, metadata}}):
 *                      retrieved files first; steps append theirs. All of them fill the RAG template
 *                      after the last step and are saved on the answer.
 * @param savedFields   extra fields saved on the answer message (e.g. {@code files} of generated images)
 * @param stopped       true once the user stopped the task; long steps check it between their calls
 * @param state         what a step hands to the round handlers of the same completion (the tools step's
 *                      functions), keyed by the class that owns the entry
 */
public record StepContext(AuthenticatedUser user, String authorization, CompletionRequest request, ResolvedModel model,
                          ObjectNode payload, List<ObjectNode> sources, ObjectNode savedFields, StepEvents events,
                          BooleanSupplier stopped, Map<Class<?>, Object> state) {
    public StepContext(AuthenticatedUser user, String authorization, CompletionRequest request, ResolvedModel model,
                       ObjectNode payload, List<ObjectNode> sources, ObjectNode savedFields, StepEvents events,
                       BooleanSupplier stopped) {
        this(user, authorization, request, model, payload, sources, savedFields, events, stopped, new ConcurrentHashMap<>());
    }

    /** The request's {@code features.<name>} switch (the stock UI's web search, image and code interpreter buttons). */
    public boolean feature(String name) {
        return request.body().path("features").path(name).asBoolean(false);
    }

    /** A status line under the answer, as Open WebUI shows them ({@code action} names the step). */
    public void status(String action, String description, boolean done) {
        events.emit("status", StatusEvent.of(action, description, done));
    }
}
