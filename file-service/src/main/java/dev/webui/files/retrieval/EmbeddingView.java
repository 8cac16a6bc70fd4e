package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.files.db.Json;

/** The /retrieval/embedding shape (OpenAI, Ollama and Azure OpenAI connections), mapped to and from the flat config keys. */
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
        ObjectNode ollama = out.putObject("ollama_config");
        ollama.put("url", config.path("RAG_OLLAMA_BASE_URL").asText(""));
        ollama.put("key", config.path("RAG_OLLAMA_API_KEY").asText(""));
        ObjectNode azure = out.putObject("azure_openai_config");
        azure.put("url", config.path("RAG_AZURE_OPENAI_BASE_URL").asText(""));
        azure.put("key", config.path("RAG_AZURE_OPENAI_API_KEY").asText(""));
        azure.put("version", config.path("RAG_AZURE_OPENAI_API_VERSION").asText(""));
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
        JsonNode ollama = body.get("ollama_config");
        if (ollama != null && ollama.isObject()) {
            copy((ObjectNode) ollama, "url", patch, "RAG_OLLAMA_BASE_URL");
            copy((ObjectNode) ollama, "key", patch, "RAG_OLLAMA_API_KEY");
        }
        JsonNode azure = body.get("azure_openai_config");
        if (azure != null && azure.isObject()) {
            copy((ObjectNode) azure, "url", patch, "RAG_AZURE_OPENAI_BASE_URL");
            copy((ObjectNode) azure, "key", patch, "RAG_AZURE_OPENAI_API_KEY");
            copy((ObjectNode) azure, "version", patch, "RAG_AZURE_OPENAI_API_VERSION");
        }
        return patch;
    }

    static void copy(ObjectNode from, String key, ObjectNode to, String as) {
        if (from.has(key)) {
            to.set(as, from.get(key));
        }
    }
}
