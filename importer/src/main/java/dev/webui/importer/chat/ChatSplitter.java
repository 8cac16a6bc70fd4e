package dev.webui.importer.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits Open WebUI's {@code chat.chat} object into our blob and {@code chat_message} rows,
 * exactly as docs/schema.md, "The chat split", prescribes, so that reassembly gives each node back.
 */
public final class ChatSplitter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ChatSplitter() {
    }

    /** {@code chat} must already be free of U+0000; it is modified in place. */
    public static SplitChat split(String chatId, ObjectNode chat) {
        List<String> repairs = new ArrayList<>();
        JsonNode linear = chat.remove("messages");
        JsonNode history = chat.get("history");
        if (!(history instanceof ObjectNode)) {
            if (linear instanceof ArrayNode array) {
                history = fromLinear(chatId, array, repairs);
                chat.set("history", history);
            } else {
                if (linear != null && !linear.isNull()) {
                    repairs.add("chat.messages was not an array, dropped");
                }
                return new SplitChat(chat, List.of(), repairs);
            }
        }
        ObjectNode historyObject = (ObjectNode) history;
        JsonNode nodes = historyObject.remove("messages");
        List<MessageRow> rows = new ArrayList<>();
        if (nodes instanceof ObjectNode tree) {
            int position = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> node = it.next();
                if (!(node.getValue() instanceof ObjectNode message)) {
                    repairs.add("message node that is not an object dropped");
                    continue;
                }
                rows.add(row(node.getKey(), position++, message));
            }
        } else if (nodes != null && !nodes.isNull()) {
            repairs.add("history.messages was not an object, dropped");
        }
        return new SplitChat(chat, rows, repairs);
    }

    private static MessageRow row(String key, int position, ObjectNode message) {
        ObjectNode data = message.deepCopy();
        String parentId = takeText(data, "parentId");
        String role = takeText(data, "role");
        String content = takeText(data, "content");
        String model = takeText(data, "model");
        Boolean done = null;
        if (data.get("done") != null && data.get("done").isBoolean()) {
            done = data.remove("done").booleanValue();
        }
        Long timestamp = null;
        JsonNode ts = data.get("timestamp");
        if (ts != null && ts.isIntegralNumber() && ts.canConvertToLong()) {
            timestamp = data.remove("timestamp").longValue();
        }
        JsonNode id = data.get("id");
        if (id != null && id.isTextual() && id.textValue().equals(key)) {
            data.remove("id");
        }
        return new MessageRow(key, position, parentId, role, content, model, done, timestamp, data);
    }

    private static String takeText(ObjectNode data, String field) {
        JsonNode v = data.get(field);
        if (v != null && v.isTextual()) {
            data.remove(field);
            return v.textValue();
        }
        return null;
    }

    /** The frontend's convertMessagesToHistory, with ids that stay the same on every import. */
    private static ObjectNode fromLinear(String chatId, ArrayNode messages, List<String> repairs) {
        List<ObjectNode> elements = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode element = messages.get(i);
            if (!(element instanceof ObjectNode object)) {
                repairs.add("legacy message that is not an object dropped");
                continue;
            }
            JsonNode id = object.get("id");
            String chosen = id != null && id.isTextual() && !id.textValue().isEmpty() && !used.contains(id.textValue())
                    ? id.textValue() : NameUuid.v5(chatId + ":" + i).toString();
            used.add(chosen);
            elements.add(object);
            ids.add(chosen);
        }
        ObjectNode tree = NODES.objectNode();
        for (int i = 0; i < elements.size(); i++) {
            ObjectNode node = elements.get(i).deepCopy();
            node.put("id", ids.get(i));
            if (i == 0) {
                node.putNull("parentId");
            } else {
                node.put("parentId", ids.get(i - 1));
            }
            ArrayNode children = node.putArray("childrenIds");
            if (i + 1 < elements.size()) {
                children.add(ids.get(i + 1));
            }
            tree.set(ids.get(i), node);
        }
        ObjectNode history = NODES.objectNode();
        history.set("messages", tree);
        if (ids.isEmpty()) {
            history.putNull("currentId");
        } else {
            history.put("currentId", ids.get(ids.size() - 1));
        }
        repairs.add("legacy chat without history converted from its messages list");
        return history;
    }
}
