package dev.webui.api.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.CompletionRequest;
import dev.webui.api.completion.step.PayloadStep;
import dev.webui.api.completion.step.StepContext;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The pipeline inlet filters, first of the payload steps (Open WebUI runs them before its other
 * chat features). The filters see the payload under the model id the user picked, with the chat's
 * {@code metadata}; what they answer becomes the payload (the provider's model id is kept).
 */
@ApplicationScoped
public class PipelineInletStep implements PayloadStep {
    private final PipelineFilters filters;

    public PipelineInletStep(PipelineFilters filters) {
        this.filters = filters;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean wanted(StepContext context) {
        return true;
    }

    @Override
    public Uni<Void> run(StepContext context) {
        ObjectNode payload = context.payload();
        String modelId = context.model().arena() ? context.model().selectedModelId() : context.model().id();
        // the filters first: without any (the common case) the conversation is neither copied nor sent
        return filters.targets(modelId, false).chain(targets -> {
            if (targets.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode sent = payload.deepCopy();
            sent.put("model", modelId);
            sent.set("metadata", metadata(context));
            return filters.inlet(context.user(), targets, sent).invoke(answer -> {
                if (answer == sent) {
                    return;
                }
                if (!answer.path("messages").isArray()) {
                    throw new ApiException(502, "A pipeline inlet filter answered a body without 'messages'");
                }
                JsonNode model = payload.get("model");
                payload.removeAll();
                payload.setAll((ObjectNode) answer);
                payload.remove("metadata");
                payload.set("model", model);
            }).replaceWithVoid();
        });
    }

    private static ObjectNode metadata(StepContext context) {
        CompletionRequest request = context.request();
        ObjectNode metadata = context.payload().objectNode();
        metadata.put("user_id", context.user().id());
        if (request.chatId() != null) {
            metadata.put("chat_id", request.chatId());
        }
        if (request.messageId() != null) {
            metadata.put("message_id", request.messageId());
        }
        if (request.sessionId() != null) {
            metadata.put("session_id", request.sessionId());
        }
        return metadata;
    }
}
