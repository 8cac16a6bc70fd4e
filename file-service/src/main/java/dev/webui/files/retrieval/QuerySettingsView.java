package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.files.db.Json;

/** The /retrieval/query/settings shape ({k, r, template, hybrid}), mapped to and from the flat config keys. */
final class QuerySettingsView {
    private QuerySettingsView() {
    }

    static ObjectNode of(ObjectNode config) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("status", true);
        out.set("k", config.get("TOP_K"));
        out.set("r", config.get("RELEVANCE_THRESHOLD"));
        out.set("template", config.get("RAG_TEMPLATE"));
        out.set("hybrid", config.get("ENABLE_RAG_HYBRID_SEARCH"));
        return out;
    }

    static ObjectNode toConfig(ObjectNode body) {
        ObjectNode patch = Json.MAPPER.createObjectNode();
        EmbeddingView.copy(body, "k", patch, "TOP_K");
        EmbeddingView.copy(body, "r", patch, "RELEVANCE_THRESHOLD");
        EmbeddingView.copy(body, "template", patch, "RAG_TEMPLATE");
        EmbeddingView.copy(body, "hybrid", patch, "ENABLE_RAG_HYBRID_SEARCH");
        return patch;
    }
}
