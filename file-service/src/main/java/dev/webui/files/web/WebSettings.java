package dev.webui.files.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The Web Search page's settings in force (the flat keys of /retrieval/config), read once per request. */
public record WebSettings(ObjectNode values) {
    public String text(String key) {
        JsonNode node = values.get(key);
        return node == null || node.isNull() ? "" : node.asText("").trim();
    }

    public boolean bool(String key) {
        JsonNode node = values.get(key);
        return node != null && (node.isBoolean() ? node.asBoolean() : "true".equalsIgnoreCase(node.asText()));
    }

    public int integer(String key, int fallback) {
        JsonNode node = values.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        return node.isNumber() ? node.asInt() : parse(node.asText(), fallback);
    }

    /** A list stored as an array or as comma-separated text; blanks dropped. */
    public List<String> list(String key) {
        JsonNode node = values.get(key);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(item -> add(out, item.asText("")));
        } else {
            for (String part : node.asText("").split(",")) {
                add(out, part);
            }
        }
        return out;
    }

    public String engine() {
        return text("WEB_SEARCH_ENGINE");
    }

    public int resultCount() {
        return Math.max(1, Math.min(100, integer("WEB_SEARCH_RESULT_COUNT", 3)));
    }

    public int searchConcurrency() {
        return Math.max(1, integer("WEB_SEARCH_CONCURRENT_REQUESTS", 10));
    }

    public int loaderConcurrency() {
        return Math.max(1, integer("WEB_LOADER_CONCURRENT_REQUESTS", 10));
    }

    public List<String> domainFilter() {
        return list("WEB_SEARCH_DOMAIN_FILTER_LIST");
    }

    public boolean trustEnv() {
        return bool("WEB_SEARCH_TRUST_ENV");
    }

    public boolean verifySsl() {
        return bool("ENABLE_WEB_LOADER_SSL_VERIFICATION");
    }

    public boolean localFetch() {
        return bool("ENABLE_RAG_LOCAL_WEB_FETCH");
    }

    public List<String> localAllowlist() {
        return list("WEB_LOADER_LOCAL_ALLOWLIST");
    }

    public boolean bypassEmbedding() {
        return bool("BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL");
    }

    public boolean bypassLoader() {
        return bool("BYPASS_WEB_SEARCH_WEB_LOADER");
    }

    private static void add(List<String> out, String value) {
        String trimmed = value.trim();
        if (!trimmed.isEmpty()) {
            out.add(trimmed);
        }
    }

    private static int parse(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
