package dev.webui.files.embedding;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.List;

/** The OpenAI embeddings wire format ({@code POST {base}/embeddings}). */
interface OpenAiEmbeddingsApi {
    record Request(String model, List<String> input) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(int index, float[] embedding) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(List<Item> data) {
    }

    @POST
    @Path("/embeddings")
    Response embed(@HeaderParam("Authorization") String authorization, Request request);
}
