package dev.webui.core.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Puts a chat back together from its blob and message rows (docs/schema.md, "The chat split"). */
public final class ChatAssembler {
    private ChatAssembler() {
    }

    public static ObjectNode assemble(ObjectNode blob, List<MessageRow> rows) {
        ObjectNode chat = blob.deepCopy();
        if (!(chat.get("history") instanceof ObjectNode history)) {
            return chat;
        }
        ObjectNode nodes = history.putObject("messages");
        for (MessageRow row : rows) {
            nodes.set(row.id(), message(row));
        }
        ArrayNode path = chat.putArray("messages");
        List<JsonNode> reversed = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        JsonNode current = history.get("currentId");
        String id = current != null && current.isTextual() ? current.textValue() : null;
        while (id != null && nodes.has(id) && visited.add(id)) {
            JsonNode node = nodes.get(id);
            reversed.add(node);
            JsonNode parent = node.get("parentId");
            id = parent != null && parent.isTextual() ? parent.textValue() : null;
        }
        Collections.reverse(reversed);
        reversed.forEach(path::add);
        return chat;
    }

    private static ObjectNode message(MessageRow row) {
        ObjectNode message = row.data().deepCopy();
        if (!message.has("id")) {
            message.put("id", row.id());
        }
        if (row.parentId() != null) {
            message.put("parentId", row.parentId());
        }
        if (row.role() != null) {
            message.put("role", row.role());
        }
        if (row.content() != null) {
            message.put("content", row.content());
        }
        if (row.model() != null) {
            message.put("model", row.model());
        }
        if (row.done() != null) {
            message.put("done", row.done());
        }
        if (row.timestamp() != null) {
            long ts = row.timestamp();
            if (ts == (int) ts) {
                message.put("timestamp", (int) ts);
            } else {
                message.put("timestamp", ts);
            }
        }
        return message;
    }
}
