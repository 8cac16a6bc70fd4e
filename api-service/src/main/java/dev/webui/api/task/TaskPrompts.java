package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills prompt templates from a conversation and reads the JSON object out of a model's answer. */
public final class TaskPrompts {
    private static final Pattern MESSAGES = Pattern.compile("\\{\\{MESSAGES(?::(START|END|MIDDLETRUNCATE):(\\d+))?}}");
    private static final int MAX_MESSAGE_CHARS = 4000;
    private static final Pattern DETAILS = Pattern.compile("<details\\b[^>]*>.*?</details>|!\\[.*?]\\(.*?\\)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private TaskPrompts() {
    }

    static String render(String template, JsonNode messages, String prompt) {
        List<String> lines = new ArrayList<>();
        if (messages != null) {
            messages.forEach(m -> {
                String content = withoutDetails(text(m.get("content")));
                if (!content.isBlank() && !"system".equals(m.path("role").asText())) {
                    lines.add(m.path("role").asText("user").toUpperCase() + ": "
                            + (content.length() > MAX_MESSAGE_CHARS ? content.substring(0, MAX_MESSAGE_CHARS) + "…" : content));
                }
            });
        }
        Matcher matcher = MESSAGES.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            List<String> chosen = lines;
            if (matcher.group(1) != null) {
                int n = Math.min(lines.size(), Integer.parseInt(matcher.group(2)));
                chosen = switch (matcher.group(1)) {
                    case "START" -> lines.subList(0, n);
                    case "END" -> lines.subList(lines.size() - n, lines.size());
                    default -> {
                        List<String> both = new ArrayList<>(lines.subList(0, (n + 1) / 2));
                        both.addAll(lines.subList(Math.max((n + 1) / 2, lines.size() - n / 2), lines.size()));
                        yield both;
                    }
                };
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.join("\n", chosen)));
        }
        matcher.appendTail(out);
        String text = prompt == null ? "" : prompt;
        return out.toString().replace("{{prompt}}", text).replace("{{PROMPT}}", text);
    }

    /** The text of a message's content (a string, or the text parts of a list). */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> {
            if ("text".equals(part.path("type").asText())) {
                text.append(part.path("text").asText());
            }
        });
        return text.toString();
    }

    /**
     * The value a task answered, cleaned: a string that is blank or only dots ("...", the
     * placeholder of the prompt's example) counts as no answer; a list keeps its distinct usable
     * strings (case and surrounding space ignored). Null when nothing usable remains.
     */
    static JsonNode usable(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return placeholder(value.textValue()) ? null : TextNode.valueOf(value.textValue().strip());
        }
        if (!value.isArray()) {
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new HashSet<>();
        value.forEach(item -> {
            if (item.isTextual() && !placeholder(item.textValue()) && seen.add(item.textValue().strip().toLowerCase(Locale.ROOT))) {
                out.add(item.textValue().strip());
            }
        });
        return out.isEmpty() ? null : out;
    }

    private static boolean placeholder(String text) {
        return text.strip().replace(".", "").replace("…", "").isBlank();
    }

    /** Removes reasoning and other {@code <details>} blocks and images, which tasks should not read (as Open WebUI does). */
    public static String withoutDetails(String content) {
        return DETAILS.matcher(content).replaceAll("").strip();
    }

    /** The first {...} block of the answer as JSON (single quotes tolerated), or null. */
    static JsonNode object(ObjectMapper mapper, String answer) {
        if (answer == null) {
            return null;
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        String block = answer.substring(start, end + 1);
        try {
            return mapper.readTree(block);
        } catch (Exception e) {
            try {
                return mapper.readTree(block.replace('\'', '"'));
            } catch (Exception ignored) {
                return null;
            }
        }
    }
}
