package dev.webui.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The /api/models aggregation rules (docs/api.md, "Models"): raw connection models, overlaid by base presets
 * (rename/annotate, inactive hides), custom presets after them, arena models last. The providers'
 * order is kept unless the admin saved a model order (MODEL_ORDER_LIST): then the listed ids come
 * first in that order and the rest follow by name.
 * Entries carry no {@code info} yet: it depends on who asks ({@link ModelListService}).
 */
public final class ModelAssembly {
    private ModelAssembly() {
    }

    /** An entry and the preset row for its id, if any. */
    public record Assembled(ObjectNode entry, ModelPreset preset) {
    }

    public static List<Assembled> assemble(List<ObjectNode> base, List<ModelPreset> presets, List<ObjectNode> arena,
                                           List<String> order) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        base.forEach(entry -> byId.putIfAbsent(entry.path("id").asText(), entry.deepCopy()));
        Map<String, ModelPreset> presetById = new HashMap<>();
        List<Assembled> result = new ArrayList<>();
        Set<String> hidden = new LinkedHashSet<>();
        for (ModelPreset preset : presets) {
            presetById.put(preset.id(), preset);
            if (preset.baseModelId() == null) {
                ObjectNode entry = byId.get(preset.id());
                if (entry != null) {
                    if (!preset.isActive()) {
                        hidden.add(preset.id());
                    } else {
                        entry.put("name", preset.name());
                        mergeTags(entry, preset.meta());
                    }
                }
            }
        }
        byId.forEach((id, entry) -> {
            if (!hidden.contains(id)) {
                result.add(new Assembled(entry, presetById.get(id)));
            }
        });
        for (ModelPreset preset : presets) {
            if (preset.baseModelId() != null && preset.isActive() && !byId.containsKey(preset.id())) {
                result.add(new Assembled(custom(preset, byId.get(preset.baseModelId())), preset));
            }
        }
        arena.forEach(entry -> {
            if (!byId.containsKey(entry.path("id").asText())) {
                result.add(new Assembled(entry.deepCopy(), null));
            }
        });
        if (order.isEmpty()) {
            return result;
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.putIfAbsent(order.get(i), i);
        }
        result.sort(Comparator.<Assembled>comparingInt(a -> rank.getOrDefault(a.entry().path("id").asText(), Integer.MAX_VALUE))
                .thenComparing(a -> a.entry().path("name").asText()));
        return result;
    }

    private static ObjectNode custom(ModelPreset preset, ObjectNode base) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", preset.id());
        entry.put("name", preset.name());
        entry.put("object", "model");
        entry.put("created", preset.createdAt());
        entry.put("owned_by", base == null ? "openai" : base.path("owned_by").asText("openai"));
        if (base != null) {
            entry.set("connection_type", base.get("connection_type"));
            entry.set("urlIdx", base.get("urlIdx"));
        } else {
            entry.putNull("connection_type");
        }
        entry.put("preset", true);
        entry.putArray("tags");
        entry.putArray("actions");
        entry.putArray("filters");
        mergeTags(entry, preset.meta());
        return entry;
    }

    private static void mergeTags(ObjectNode entry, JsonNode meta) {
        ArrayNode tags = entry.get("tags") instanceof ArrayNode array ? array : entry.putArray("tags");
        Set<String> names = new LinkedHashSet<>();
        tags.forEach(tag -> names.add(tag.path("name").asText()));
        if (meta != null) {
            meta.path("tags").forEach(tag -> {
                String name = tag.path("name").asText(null);
                if (name != null && names.add(name)) {
                    tags.addObject().put("name", name);
                }
            });
        }
    }
}
