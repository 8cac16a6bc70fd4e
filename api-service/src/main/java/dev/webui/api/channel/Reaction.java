package dev.webui.api.channel;

import java.util.List;

/** One emoji on a message with the users who reacted with it. */
public record Reaction(String name, List<String> userIds, int count) {
}
