package dev.webui.api.completion.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The knowledge attached to a model preset ({@code meta.knowledge}) joins the message's own
 * {@code files}, so chats with the preset search it like an attached knowledge base: knowledge
 * bases and files as they are, and the older {@code collection_name(s)} items as collections.
 */
public final class PresetKnowledge {
    private PresetKnowledge() {
    }

    /** Whether the preset carries any knowledge. */
    public static boolean present(JsonNode presetMeta) {
        return presetMeta != null && presetMeta.path("knowledge").isArray() && !presetMeta.path("knowledge").isEmpty();
    }

    /** The request's files followed by the preset's knowledge; {@code files} itself when the preset has none. */
    public static JsonNode withFiles(JsonNode files, JsonNode presetMeta) {
        if (!present(presetMeta)) {
            return files;
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        if (files != null && files.isArray()) {
            files.forEach(all::add);
        }
        for (JsonNode item : presetMeta.get("knowledge")) {
            if (!(item instanceof ObjectNode object)) {
                continue;
            }
            if (object.path("collection_name").isTextual()) {
                all.add(collection(object.get("collection_name").textValue(), object));
            } else if (object.path("collection_names").isArray()) {
                object.get("collection_names").forEach(name -> {
                    if (name.isTextual()) {
                        all.add(collection(name.textValue(), object));
                    }
                });
            } else {
                all.add(object);
            }
        }
        return all;
    }

    private static ObjectNode collection(String id, ObjectNode item) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", "collection");
        out.put("id", id);
        out.put("name", item.path("name").asText(id));
        return out;
    }
}
