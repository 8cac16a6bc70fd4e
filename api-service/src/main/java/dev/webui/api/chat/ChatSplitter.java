package dev.webui.api.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Splits a conversation object into the blob kept in {@code chat.chat} and one row per node of
 * {@code history.messages}, following docs/schema.md, "The chat split".
 */
public final class ChatSplitter {
    private ChatSplitter() {
    }

    /** The blob and, when the object carried a message tree, its rows (null when it carried none). */
    public record Split(ObjectNode blob, List<MessageRow> rows) {
    }

    /**
     * @param storedHasHistory whether the chat already stores a tree; then a bare {@code messages}
     *                         array in the object is ignored instead of becoming the tree.
     */
    public static Split split(String chatId, ObjectNode chat, boolean storedHasHistory) {
        ObjectNode blob = chat.deepCopy();
        JsonNode messages = blob.remove("messages");
        JsonNode history = blob.get("history");
        if (!(history instanceof ObjectNode) && messages instanceof ArrayNode list && !storedHasHistory) {
            history = historyFrom(chatId, list);
            blob.set("history", history);
        }
        if (!(history instanceof ObjectNode tree)) {
            return new Split(blob, null);
        }
        JsonNode nodes = tree.remove("messages");
        List<MessageRow> rows = new ArrayList<>();
        if (nodes instanceof ObjectNode map) {
            int position = 0;
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                if (entry.getValue() instanceof ObjectNode message) {
                    rows.add(row(entry.getKey(), position++, message));
                }
            }
        }
        return new Split(blob, rows);
    }

    static MessageRow row(String key, int position, ObjectNode message) {
        ObjectNode data = message.deepCopy();
        if (data.path("id").isTextual() && data.get("id").textValue().equals(key)) {
            data.remove("id");
        }
        String parentId = takeText(data, "parentId");
        String role = takeText(data, "role");
        String content = takeText(data, "content");
        String model = takeText(data, "model");
        Boolean done = data.path("done").isBoolean() ? data.remove("done").booleanValue() : null;
        Long timestamp = data.path("timestamp").isIntegralNumber() && data.get("timestamp").canConvertToLong()
                ? data.remove("timestamp").longValue() : null;
        return new MessageRow(key, position, parentId, role, content, model, done, timestamp, data);
    }

    private static String takeText(ObjectNode data, String field) {
        return data.path(field).isTextual() ? data.remove(field).textValue() : null;
    }

    /** The frontend's convertMessagesToHistory for chats that only carry a linear {@code messages} list. */
    static ObjectNode historyFrom(String chatId, ArrayNode list) {
        List<ObjectNode> items = new ArrayList<>();
        list.forEach(item -> {
            if (item instanceof ObjectNode object) {
                items.add(object.deepCopy());
            }
        });
        Set<String> used = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode id = items.get(i).get("id");
            String value = id != null && id.isTextual() && !used.contains(id.textValue()) ? id.textValue()
                    : UUID.nameUUIDFromBytes((chatId + ":" + i).getBytes(StandardCharsets.UTF_8)).toString();
            used.add(value);
            ids.add(value);
        }
        ObjectNode history = JsonNodeFactory.instance.objectNode();
        ObjectNode nodes = history.putObject("messages");
        for (int i = 0; i < items.size(); i++) {
            ObjectNode node = items.get(i);
            node.put("id", ids.get(i));
            if (i == 0) {
                node.putNull("parentId");
            } else {
                node.put("parentId", ids.get(i - 1));
            }
            ArrayNode children = node.putArray("childrenIds");
            if (i + 1 < items.size()) {
                children.add(ids.get(i + 1));
            }
            nodes.set(ids.get(i), node);
        }
        if (ids.isEmpty()) {
            history.putNull("currentId");
        } else {
            history.put("currentId", ids.get(ids.size() - 1));
        }
        return history;
    }
}
