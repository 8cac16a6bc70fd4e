package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.files.db.Json;

/** The /retrieval/embedding shape, mapped to and from the flat config keys. */
final class EmbeddingView {
    private EmbeddingView() {
    }

    static ObjectNode of(ObjectNode config) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("status", true);
        out.put("embedding_engine", config.path("RAG_EMBEDDING_ENGINE").asText(""));
        out.put("embedding_model", config.path("RAG_EMBEDDING_MODEL").asText(""));
        out.set("embedding_batch_size", config.get("RAG_EMBEDDING_BATCH_SIZE"));
        ObjectNode openai = out.putObject("openai_config");
        openai.put("url", config.path("RAG_OPENAI_API_BASE_URL").asText(""));
        openai.put("key", config.path("RAG_OPENAI_API_KEY").asText(""));
        return out;
    }

    static ObjectNode toConfig(ObjectNode body) {
        ObjectNode patch = Json.MAPPER.createObjectNode();
        copy(body, "embedding_engine", patch, "RAG_EMBEDDING_ENGINE");
        copy(body, "embedding_model", patch, "RAG_EMBEDDING_MODEL");
        copy(body, "embedding_batch_size", patch, "RAG_EMBEDDING_BATCH_SIZE");
        JsonNode openai = body.get("openai_config");
        if (openai != null && openai.isObject()) {
            copy((ObjectNode) openai, "url", patch, "RAG_OPENAI_API_BASE_URL");
            copy((ObjectNode) openai, "key", patch, "RAG_OPENAI_API_KEY");
        }
        return patch;
    }

    static void copy(ObjectNode from, String key, ObjectNode to, String as) {
        if (from.has(key)) {
            to.set(as, from.get(key));
        }
    }
}
