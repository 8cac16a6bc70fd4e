package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.relay.ModelRelay;
import dev.webui.api.relay.VerifiedRoute;
import dev.webui.common.error.ApiException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/tasks/moa/completions} ("Merge responses"): the chat's model is asked to merge
 * the answers of several models into one, streamed back as the provider's SSE when {@code stream}
 * is true (the stock UI reads it as an OpenAI stream). A plain Vert.x route so the stream is relayed
 * with flow control.
 */
@ApplicationScoped
public class MoaRoutes {
    static final String TEMPLATE = """
            Several models answered the user's latest request: "{{prompt}}"

            Merge their answers into one. Read them critically: some may be wrong or biased, so keep only what
            holds up and correct or drop the rest. Do not copy any answer as a whole; write a single reply that is
            accurate, complete, clearly organised and coherent.

            The models' answers:
            {{responses}}""";

    private final ModelRelay relay;
    private final ObjectMapper mapper;

    public MoaRoutes(ModelRelay relay, ObjectMapper mapper) {
        this.relay = relay;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        relay.post(router, "/api/v1/tasks/moa/completions", this::handle);
    }

    private void handle(RoutingContext rc, ModelRelay.Request request) {
        JsonNode body = request.body();
        ObjectNode payload;
        try {
            payload = payload(text(body, "prompt"), body.get("responses"), body.path("stream").asBoolean(false));
            text(body, "model");
        } catch (ApiException e) {
            VerifiedRoute.reply(rc, e.status(), e.detail());
            return;
        }
        relay.send(rc, request.user(), body.get("model").textValue(), payload, "chat/completions");
    }

    private ObjectNode payload(String prompt, JsonNode responses, boolean stream) {
        if (responses == null || !responses.isArray()) {
            throw ApiException.badRequest("'responses' must be a list of texts");
        }
        List<String> quoted = new ArrayList<>();
        for (JsonNode response : responses) {
            if (!response.isTextual()) {
                throw ApiException.badRequest("'responses' must be a list of texts");
            }
            quoted.add("\"\"\"" + response.textValue() + "\"\"\"");
        }
        ObjectNode payload = mapper.createObjectNode();
        payload.putArray("messages").addObject().put("role", "user")
                .put("content", TEMPLATE.replace("{{prompt}}", prompt).replace("{{responses}}", String.join("\n\n", quoted)));
        payload.put("stream", stream);
        return payload;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required");
        }
        return value.textValue();
    }
}
