package dev.webui.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation arena's pseudo models of /api/models (ENABLE_EVALUATION_ARENA_MODELS,
 * EVALUATION_ARENA_MODELS): each configured arena model, or Open WebUI's default "Arena Model"
 * when none is configured. Who may see one is decided by {@code meta.access_control}.
 */
public final class ArenaModels {
    static final String DEFAULT_ID = "arena-model";

    private ArenaModels() {
    }

    public static List<ObjectNode> entries(SettingsStore settings) {
        List<ObjectNode> out = new ArrayList<>();
        if (!settings.bool(Settings.ENABLE_ARENA_MODELS)) {
            return out;
        }
        long created = Instant.now().getEpochSecond();
        for (JsonNode model : settings.get(Settings.ARENA_MODELS)) {
            if (model.path("id").isTextual() && !model.path("id").asText().isBlank()) {
                JsonNode meta = model.get("meta") instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
                out.add(entry(model.get("id").asText(), model.path("name").asText(model.get("id").asText()), meta.deepCopy(), created));
            }
        }
        if (out.isEmpty()) {
            ObjectNode meta = JsonNodeFactory.instance.objectNode();
            meta.put("profile_image_url", "/favicon.png");
            meta.put("description", "Submit your questions to anonymous AI chatbots and vote on the best response.");
            meta.putNull("model_ids");
            out.add(entry(DEFAULT_ID, "Arena Model", meta, created));
        }
        return out;
    }

    /** Open WebUI's rule: an arena model is readable per its meta.access_control; without one it is private (admins only). */
    public static JsonNode accessControl(ObjectNode entry) {
        JsonNode meta = entry.path("info").path("meta");
        return meta.has("access_control") ? meta.get("access_control") : JsonNodeFactory.instance.objectNode();
    }

    /** Whether an /api/models entry is an arena model. */
    public static boolean isArena(JsonNode entry) {
        return entry.path("arena").asBoolean(false);
    }

    /**
     * The models an arena model may hand a message to: its {@code meta.model_ids}, or every other
     * model when the list is empty; with {@code filter_mode: "exclude"} every other model except
     * the listed ones. Only ids in {@code available} (the non-arena models) count.
     */
    public static List<String> candidates(JsonNode entry, List<String> available) {
        JsonNode meta = entry.path("info").path("meta");
        List<String> listed = new ArrayList<>();
        meta.path("model_ids").forEach(id -> {
            if (id.isTextual()) {
                listed.add(id.textValue());
            }
        });
        if (listed.isEmpty()) {
            return List.copyOf(available);
        }
        if ("exclude".equals(meta.path("filter_mode").asText())) {
            return available.stream().filter(id -> !listed.contains(id)).toList();
        }
        return listed.stream().filter(available::contains).toList();
    }

    private static ObjectNode entry(String id, String name, JsonNode meta, long created) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", id);
        entry.put("name", name);
        entry.putObject("info").set("meta", meta);
        entry.put("object", "model");
        entry.put("created", created);
        entry.put("owned_by", "arena");
        entry.put("arena", true);
        entry.putArray("tags");
        entry.putArray("actions");
        entry.putArray("filters");
        return entry;
    }
}
