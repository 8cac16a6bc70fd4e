package dev.webui.importer.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** A chat blob without its messages, the message rows, and what had to be dropped or made up. */
public record SplitChat(ObjectNode blob, List<MessageRow> messages, List<String> repairs) {
}
