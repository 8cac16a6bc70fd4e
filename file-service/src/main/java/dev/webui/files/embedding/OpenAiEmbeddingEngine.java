package dev.webui.files.embedding;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ProcessingException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An OpenAI-compatible embeddings endpoint (RAG_OPENAI_API_BASE_URL, RAG_OPENAI_API_KEY, RAG_EMBEDDING_MODEL). */
public class OpenAiEmbeddingEngine implements EmbeddingEngine {
    private final OpenAiEmbeddingsApi api;
    private final String authorization;
    private final String model;
    private final String baseUrl;

    public OpenAiEmbeddingEngine(String baseUrl, String apiKey, String model) {
        this.baseUrl = baseUrl;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl.replaceAll("/+$", "")))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(120, TimeUnit.SECONDS)
                .build(OpenAiEmbeddingsApi.class);
        this.authorization = apiKey == null || apiKey.isBlank() ? null : "Bearer " + apiKey;
        this.model = model;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String identity() {
        return baseUrl + " " + model;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        OpenAiEmbeddingsApi.Response response;
        try {
            response = api.embed(authorization, new OpenAiEmbeddingsApi.Request(model, texts));
        } catch (WebApplicationException e) {
            throw new EmbeddingException("The embeddings endpoint answered " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new EmbeddingException("The embeddings endpoint could not be reached: " + e.getMessage(), e);
        }
        if (response == null || response.data() == null || response.data().size() != texts.size()) {
            throw new EmbeddingException("The embeddings endpoint returned "
                    + (response == null || response.data() == null ? 0 : response.data().size()) + " vectors for " + texts.size() + " texts", null);
        }
        List<OpenAiEmbeddingsApi.Item> items = new ArrayList<>(response.data());
        items.sort(Comparator.comparingInt(OpenAiEmbeddingsApi.Item::index));
        return items.stream().map(OpenAiEmbeddingsApi.Item::embedding).toList();
    }
}
