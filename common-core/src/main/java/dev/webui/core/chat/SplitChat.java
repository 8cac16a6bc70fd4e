package dev.webui.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A chat blob without its messages; the message rows, or null when the object carried no tree
 * (an update that leaves the stored rows alone); and what had to be dropped or made up.
 */
public record SplitChat(ObjectNode blob, List<MessageRow> rows, List<String> repairs) {
    /** The rows, none when the object carried no tree. */
    public List<MessageRow> rowsOrNone() {
        return rows == null ? List.of() : rows;
    }
}
