package dev.webui.api.completion.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.ResolvedModel;
import dev.webui.api.connection.Connection;

/**
 * A model of the user's own connections (Settings > Connections in the browser): the completion's
 * {@code model_item} says {@code direct: true}. It is in no catalog; the browser lists it and runs it.
 */
public final class DirectModel {
    /** Stands for the connection in messages; the browser knows the real address. */
    static final String LABEL = "your direct connection";

    private DirectModel() {
    }

    public static boolean requested(JsonNode body) {
        return body != null && body.path("model_item").path("direct").asBoolean(false);
    }

    /** The model as the pipeline sees it: its id goes to the browser unchanged (the browser strips its own prefix). */
    public static ResolvedModel of(String modelId, JsonNode body) {
        JsonNode item = body.path("model_item");
        String name = item.path("name").isTextual() && !item.path("name").textValue().isBlank() ? item.get("name").textValue() : modelId;
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        return new ResolvedModel(modelId, name, new Connection(-1, LABEL, null, empty), modelId, empty.deepCopy(), empty.deepCopy(), null);
    }

    /** What the browser is told about the model: the stock UI's list entry, whose {@code urlIdx} names the connection. */
    static ObjectNode item(JsonNode body) {
        return body.path("model_item") instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
    }
}
