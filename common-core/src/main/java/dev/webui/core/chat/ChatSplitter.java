package dev.webui.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits Open WebUI's conversation object into the blob kept in {@code chat.chat} and one
 * {@code chat_message} row per node of {@code history.messages} (docs/schema.md, "The chat
 * split"), so that reassembly gives every node back. Used by the chat endpoints and the importer.
 */
public final class ChatSplitter {
    private ChatSplitter() {
    }

    /** Splits a chat that has no stored tree yet (a new chat, an imported one). */
    public static SplitChat split(String chatId, ObjectNode chat) {
        return split(chatId, chat, false);
    }

    /**
     * Splits {@code chat}, which is changed in place and becomes the blob (pass a copy to keep it).
     *
     * @param storedHasHistory whether the chat already stores a tree; then a bare {@code messages}
     *                         array in the object is ignored instead of becoming the tree.
     */
    public static SplitChat split(String chatId, ObjectNode chat, boolean storedHasHistory) {
        List<String> repairs = new ArrayList<>();
        JsonNode linear = chat.remove("messages");
        JsonNode history = chat.get("history");
        if (!(history instanceof ObjectNode) && !storedHasHistory) {
            if (linear instanceof ArrayNode list) {
                history = fromLinear(chatId, list, repairs);
                chat.set("history", history);
            } else if (linear != null && !linear.isNull()) {
                repairs.add("chat.messages was not an array, dropped");
            }
        }
        if (!(history instanceof ObjectNode tree)) {
            return new SplitChat(chat, null, repairs);
        }
        JsonNode nodes = tree.remove("messages");
        List<MessageRow> rows = new ArrayList<>();
        if (nodes instanceof ObjectNode map) {
            int position = 0;
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                if (entry.getValue() instanceof ObjectNode message) {
                    rows.add(row(entry.getKey(), position++, message));
                } else {
                    repairs.add("message node that is not an object dropped");
                }
            }
        } else if (nodes != null && !nodes.isNull()) {
            repairs.add("history.messages was not an object, dropped");
        }
        return new SplitChat(chat, rows, repairs);
    }

    private static MessageRow row(String key, int position, ObjectNode message) {
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

    /**
     * The frontend's convertMessagesToHistory for chats that carry only a linear {@code messages}
     * list; a missing, empty or repeated id is replaced by one derived from the chat id and the
     * position, so that splitting the same chat twice gives the same tree.
     */
    private static ObjectNode fromLinear(String chatId, ArrayNode list, List<String> repairs) {
        List<ObjectNode> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof ObjectNode item)) {
                repairs.add("legacy message that is not an object dropped");
                continue;
            }
            JsonNode id = item.get("id");
            String chosen = id != null && id.isTextual() && !id.textValue().isEmpty() && !used.contains(id.textValue())
                    ? id.textValue() : NameUuid.v5(chatId + ":" + i).toString();
            used.add(chosen);
            items.add(item.deepCopy());
            ids.add(chosen);
        }
        ObjectNode history = list.objectNode();
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
        repairs.add("legacy chat without history converted from its messages list");
        return history;
    }
}
