package dev.webui.api.channel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Open WebUI's prompt for a model answering in a thread: who it is, and the thread so far as "name: text" lines. */
final class ThreadPrompt {
    private static final Pattern MENTION = Pattern.compile("<@[A-Z]:([^|>]+)(?:\\|([^>]*))?>");

    private ThreadPrompt() {
    }

    /** Mentions shown as {@code @label} (or {@code @id} without a label), as a reader sees them. */
    static String plain(String content) {
        return MENTION.matcher(content == null ? "" : content)
                .replaceAll(m -> Matcher.quoteReplacement("@" + (m.group(2) != null && !m.group(2).isBlank() ? m.group(2) : m.group(1))));
    }

    static String system(String modelName, List<ChannelMessage> history) {
        StringBuilder prompt = new StringBuilder("You are ").append(modelName)
                .append(", participating in a threaded conversation. Be concise and conversational.");
        if (!history.isEmpty()) {
            prompt.append(" Here's the thread history:\n\n");
            for (ChannelMessage message : history) {
                prompt.append(speaker(message)).append(": ").append(plain(message.content())).append('\n');
            }
            prompt.append("\nContinue the conversation naturally as ").append(modelName).append(", addressing the most recent message while being aware of the full context.");
        }
        return prompt.toString();
    }

    private static String speaker(ChannelMessage message) {
        if (message.meta() != null && message.meta().path("model_name").isTextual()) {
            return message.meta().get("model_name").textValue();
        }
        return message.user() != null && message.user().name() != null ? message.user().name() : "Unknown";
    }
}
