package dev.webui.api.completion.rag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Puts retrieved chunks in front of the model the way Open WebUI does: every chunk wrapped in
 * {@code <source id="n" name="…">} (n = the 1-based index of its source, which the UI's [n]
 * citations point at), the whole filled into the RAG template, which the pipeline appends to the
 * system message.
 */
public final class RagTemplate {
    private RagTemplate() {
    }

    public static String context(List<ObjectNode> sources) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            ObjectNode source = sources.get(i);
            JsonNode documents = source.path("document");
            JsonNode metadata = source.path("metadata");
            for (int j = 0; j < documents.size(); j++) {
                String name = metadata.path(j).path("name").asText(source.path("source").path("name").asText(""));
                out.append("<source id=\"").append(i + 1).append("\" name=\"").append(escape(name)).append("\">")
                        .append(documents.get(j).asText()).append("</source>\n");
            }
        }
        return out.toString();
    }

    /** Fills the template (the query last, so text in the chunks cannot inject a placeholder); it goes into the system message. */
    public static String fill(String template, List<ObjectNode> sources, String query) {
        return template.replace("{{CONTEXT}}", context(sources)).replace("{{QUERY}}", query);
    }

    /** The text of the last user message (string content, or the text parts of a multimodal one). */
    public static String lastUserText(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (!"user".equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                return content.textValue();
            }
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText())) {
                    text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
                }
            }
            return text.toString();
        }
        return "";
    }

    private static String escape(String name) {
        return name.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
