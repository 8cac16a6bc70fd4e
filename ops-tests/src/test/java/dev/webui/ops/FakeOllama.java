package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An Ollama server of the test's own on loopback (TCP_NODELAY), speaking Ollama's real API: JSON
 * for {@code /api/version}, {@code /api/tags}, {@code /api/ps}, {@code /api/show} and
 * {@code /api/delete}; NDJSON streams for {@code /api/pull} (progress lines over about a second,
 * after which the model is listed) and {@code /api/chat} (the answer's words {@value #WORD_GAP_MS} ms
 * apart, then the {@code done} line with Ollama's counters; a whole JSON answer with
 * {@code stream: false}, shaped for the background tasks). Every request body is kept.
 */
final class FakeOllama implements AutoCloseable {
    static final String VERSION = "0.12.3";
    static final List<String> ANSWER = List.of("Ollama ", "says ", "hello ", "from ", "the ", "fake.");
    static final String TASK_ANSWER = "{\"title\": \"Ollama drill\", \"tags\": [], \"follow_ups\": []}";
    static final long WORD_GAP_MS = 150;
    private static final long PULL_TOTAL = 4_000_000_000L;

    /** One request: its path and JSON body. */
    record Seen(String path, JsonNode body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();

    FakeOllama() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL an admin enters (no /v1: Ollama's native API). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Seen> seen(String path) {
        return requests.stream().filter(s -> s.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
            requests.add(new Seen(path, body));
            String model = body.path("model").asText(body.path("name").asText(""));
            switch (path) {
                case "/", "/api/version" -> send(exchange, 200, json.createObjectNode().put("version", VERSION));
                case "/api/tags" -> tags(exchange);
                case "/api/ps" -> send(exchange, 200, json.createObjectNode().set("models", json.createArrayNode()));
                case "/api/show" -> send(exchange, models.contains(model) ? 200 : 404, models.contains(model)
                        ? json.createObjectNode().put("modelfile", "FROM " + model).put("parameters", "num_ctx 2048")
                                .set("details", details())
                        : error("model '" + model + "' not found"));
                case "/api/delete" -> {
                    boolean removed = models.remove(model);
                    send(exchange, removed ? 200 : 404, removed ? json.createObjectNode() : error("model '" + model + "' not found"));
                }
                case "/api/pull" -> pull(exchange, model);
                case "/api/chat" -> chat(exchange, body, model);
                default -> send(exchange, 404, error("404 page not found"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tags(HttpExchange exchange) throws IOException {
        ObjectNode list = json.createObjectNode();
        ArrayNode entries = list.putArray("models");
        for (String model : models) {
            entries.addObject().put("name", model).put("model", model).put("modified_at", "2026-12-01T00:00:00Z")
                    .put("size", PULL_TOTAL).put("digest", "6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa")
                    .set("details", details());
        }
        send(exchange, 200, list);
    }

    /** Ollama's pull progress: the manifest, the layer's bytes in steps, the checks, success; then the model is there. */
    private void pull(HttpExchange exchange, String model) throws IOException, InterruptedException {
        OutputStream out = ndjson(exchange);
        line(out, json.createObjectNode().put("status", "pulling manifest"));
        for (int step = 0; step <= 5; step++) {
            Thread.sleep(150);
            line(out, json.createObjectNode().put("status", "pulling 6a0746a1ec1a").put("digest", "sha256:6a0746a1ec1a")
                    .put("total", PULL_TOTAL).put("completed", PULL_TOTAL * step / 5));
        }
        for (String status : List.of("verifying sha256 digest", "writing manifest")) {
            Thread.sleep(100);
            line(out, json.createObjectNode().put("status", status));
        }
        models.add(model.contains(":") ? model : model + ":latest");
        line(out, json.createObjectNode().put("status", "success"));
    }

    private void chat(HttpExchange exchange, JsonNode body, String model) throws IOException, InterruptedException {
        if (!models.contains(model)) {
            send(exchange, 404, error("model '" + model + "' not found, try pulling it first"));
            return;
        }
        if (!body.path("stream").asBoolean(true)) {
            ObjectNode answer = done(model);
            answer.putObject("message").put("role", "assistant").put("content", TASK_ANSWER);
            send(exchange, 200, answer);
            return;
        }
        OutputStream out = ndjson(exchange);
        for (String word : ANSWER) {
            ObjectNode chunk = json.createObjectNode().put("model", model).put("created_at", "2026-12-06T00:00:00Z").put("done", false);
            chunk.putObject("message").put("role", "assistant").put("content", word);
            line(out, chunk);
            Thread.sleep(WORD_GAP_MS);
        }
        ObjectNode last = done(model);
        last.putObject("message").put("role", "assistant").put("content", "");
        line(out, last);
    }

    private ObjectNode done(String model) {
        return json.createObjectNode().put("model", model).put("created_at", "2026-12-06T00:00:01Z").put("done", true)
                .put("done_reason", "stop").put("total_duration", 1_200_000_000L).put("load_duration", 50_000_000L)
                .put("prompt_eval_count", 26).put("prompt_eval_duration", 130_000_000L).put("eval_count", ANSWER.size())
                .put("eval_duration", 900_000_000L);
    }

    private ObjectNode details() {
        return json.createObjectNode().put("format", "gguf").put("family", "llama").put("parameter_size", "1.2B")
                .put("quantization_level", "Q4_K_M");
    }

    private ObjectNode error(String message) {
        return json.createObjectNode().put("error", message);
    }

    private OutputStream ndjson(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private void line(OutputStream out, JsonNode line) throws IOException {
        out.write((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
