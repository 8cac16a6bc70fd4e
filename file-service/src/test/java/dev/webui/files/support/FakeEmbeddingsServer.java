package dev.webui.files.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenAI-compatible embeddings upstream on a free loopback port, speaking the real wire format.
 * Its "model" counts the letters a-z of each input, so texts sharing words are similar.
 */
public final class FakeEmbeddingsServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    public final List<String> models = new CopyOnWriteArrayList<>();
    /** Every text it was asked to embed, in order. */
    public final List<String> inputs = new CopyOnWriteArrayList<>();
    /** Runs before each answer, on the server's one thread: a test may hold the caller there. */
    public volatile Runnable beforeAnswer = () -> { };

    public FakeEmbeddingsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", exchange -> {
            beforeAnswer.run();
            JsonNode request = MAPPER.readTree(exchange.getRequestBody());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            models.add(request.path("model").asText());
            ObjectNode response = MAPPER.createObjectNode();
            response.put("object", "list");
            response.put("model", request.path("model").asText());
            ArrayNode data = response.putArray("data");
            JsonNode input = request.get("input");
            input.forEach(text -> inputs.add(text.asText()));
            for (int i = input.size() - 1; i >= 0; i--) { // out of order on purpose: clients must use "index"
                ObjectNode item = data.addObject();
                item.put("object", "embedding");
                item.put("index", i);
                ArrayNode vector = item.putArray("embedding");
                for (float f : letters(input.get(i).asText())) {
                    vector.add(f);
                }
            }
            response.putObject("usage").put("prompt_tokens", 1).put("total_tokens", 1);
            byte[] body = MAPPER.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static float[] letters(String text) {
        float[] v = new float[26];
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                v[c - 'a']++;
            }
        }
        return v;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
