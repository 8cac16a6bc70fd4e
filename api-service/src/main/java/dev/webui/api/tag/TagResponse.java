package dev.webui.api.tag;

import com.fasterxml.jackson.databind.JsonNode;

/** The contract's Tag object. */
public record TagResponse(String id, String name, String userId, JsonNode meta) {
    /** Tag ids are names lower-cased with spaces replaced by underscores. */
    public static String idOf(String name) {
        return name.trim().replace(' ', '_').toLowerCase(java.util.Locale.ROOT);
    }
}
