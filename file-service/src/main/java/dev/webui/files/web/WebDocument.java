package dev.webui.files.web;

import java.util.Map;

/** A loaded page's text and Open WebUI's metadata for it ({@code source}, {@code title}, {@code description}, {@code language}...). */
public record WebDocument(String content, Map<String, Object> metadata) {
    public String source() {
        Object source = metadata.get("source");
        return source == null ? null : source.toString();
    }
}
