package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of every enabled Ollama connection, as /api/models entries ({@code owned_by:
 * "ollama"}, the tag entry under {@code ollama}). Each connection's list is filtered by its
 * model_ids, prefixed with its prefix_id and tagged; a model served by several URLs appears once,
 * with all their indexes in {@code ollama.urls}. An unreachable server contributes nothing.
 * ModelCatalog caches the result with the other connections' models.
 */
@ApplicationScoped
public class OllamaModels {
    private static final Logger LOG = Logger.getLogger(OllamaModels.class);
    static final String OWNER = "ollama";

    private final OllamaSettings settings;
    private final OllamaClient client;

    public OllamaModels(OllamaSettings settings, OllamaClient client) {
        this.settings = settings;
        this.client = client;
    }

    public Uni<List<ObjectNode>> fetch() {
        if (!settings.enabled()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<ObjectNode>>> calls = new ArrayList<>();
        for (Connection connection : settings.connections()) {
            if (connection.enabled() && !connection.baseUrl().isBlank()) {
                calls.add(tags(connection));
            }
        }
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(calls).andFailFast().map(OllamaModels::merge);
    }

    public static boolean isOllama(JsonNode entry) {
        return OWNER.equals(entry.path("owned_by").asText());
    }

    /** v0.6.32 names untagged models {@code name:latest}. */
    public static String withTag(String model) {
        return model.contains(":") ? model : model + ":latest";
    }

    /** Loaded models' unload times (epoch seconds) by model name; nothing when /api/ps fails. */
    private Uni<Map<String, Long>> expiries(Connection connection) {
        return Uni.createFrom().completionStage(() -> client.get(connection, "/api/ps").toCompletionStage()).map(body -> {
            Map<String, Long> expiries = new java.util.HashMap<>();
            body.path("models").forEach(m -> {
                try {
                    expiries.put(m.path("model").asText(), java.time.OffsetDateTime.parse(m.path("expires_at").asText()).toEpochSecond());
                } catch (java.time.format.DateTimeParseException ignored) {
                    // no usable time: the model shows as not loaded
                }
            });
            return expiries;
        }).onFailure().recoverWithItem(Map.of());
    }

    private Uni<List<ObjectNode>> tags(Connection connection) {
        Uni<JsonNode> tags = Uni.createFrom().completionStage(() -> client.get(connection, "/api/tags").toCompletionStage());
        return Uni.combine().all().unis(tags, expiries(connection)).asTuple()
                .map(both -> {
                    JsonNode body = both.getItem1();
                    Map<String, Long> expiries = both.getItem2();
                    List<String> allowed = connection.modelIds();
                    String prefix = connection.prefixId();
                    List<ObjectNode> models = new ArrayList<>();
                    for (JsonNode model : body.path("models")) {
                        if (!(model instanceof ObjectNode object) || !object.path("model").isTextual()) {
                            continue;
                        }
                        if (!allowed.isEmpty() && !allowed.contains(object.get("model").textValue())) {
                            continue;
                        }
                        Long expires = expiries.get(object.get("model").textValue());
                        if (expires != null) {
                            object.put("expires_at", expires);
                        }
                        if (prefix != null) {
                            object.put("model", prefix + "." + object.get("model").textValue());
                        }
                        if (!connection.tags().isEmpty()) {
                            object.set("tags", connection.tags().deepCopy());
                        }
                        object.put("connection_type", connection.config().path("connection_type").asText("local"));
                        object.putArray("urls").add(connection.index());
                        models.add(object);
                    }
                    return models;
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Ollama connection %d (%s) did not list its models: %s", connection.index(), connection.baseUrl(), e.getMessage());
                    return List.of();
                });
    }

    private static List<ObjectNode> merge(List<List<ObjectNode>> lists) {
        Map<String, ObjectNode> byModel = new LinkedHashMap<>();
        for (List<ObjectNode> list : lists) {
            for (ObjectNode model : list) {
                ObjectNode known = byModel.putIfAbsent(model.get("model").textValue(), model);
                if (known != null) {
                    ((ArrayNode) known.get("urls")).add(model.get("urls").get(0));
                }
            }
        }
        long now = Instant.now().getEpochSecond();
        List<ObjectNode> entries = new ArrayList<>();
        byModel.values().forEach(model -> {
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.put("id", model.get("model").textValue());
            entry.put("name", model.path("name").asText(model.get("model").textValue()));
            entry.put("object", "model");
            entry.put("created", now);
            entry.put("owned_by", OWNER);
            entry.set("ollama", model);
            entry.put("connection_type", model.get("connection_type").asText());
            entry.set("tags", model.has("tags") ? model.get("tags").deepCopy() : JsonNodeFactory.instance.arrayNode());
            entry.putArray("actions");
            entry.putArray("filters");
            entries.add(entry);
        });
        return entries;
    }
}
