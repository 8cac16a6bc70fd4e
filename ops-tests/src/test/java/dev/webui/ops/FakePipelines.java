package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An Open WebUI Pipelines server on loopback (TCP_NODELAY), speaking its routes under {@code /v1}
 * with its key: the model list with the {@code pipelines} marker and one filter, {@value #FILTER},
 * on {@link FakeOpenAi#ECHO} only; {@code /pipelines}; the filter's valves and their schema; its
 * inlet, which puts the valve {@code prefix} before the last user message, and its outlet, which
 * appends {@value #OUTLET_MARK} to the last assistant message. Every filter call is recorded.
 */
final class FakePipelines implements AutoCloseable {
    static final String KEY = "sk-ops-pipelines";
    static final String FILTER = "ops-guard";
    static final String OUTLET_MARK = " [reviewed]";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ObjectNode valves = Gateway.JSON.createObjectNode().put("prefix", "[guarded]");
    private final List<JsonNode> inlets = new CopyOnWriteArrayList<>();
    private final List<JsonNode> outlets = new CopyOnWriteArrayList<>();

    FakePipelines() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The bodies of the filter's inlet and outlet calls ({"user", "body"}), in order. */
    List<JsonNode> inlets() {
        return List.copyOf(inlets);
    }

    List<JsonNode> outlets() {
        return List.copyOf(outlets);
    }

    synchronized String prefix() {
        return valves.path("prefix").asText();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            FakeOpenAi.send(exchange, 401, "{\"detail\": \"Invalid API key\"}");
            return;
        }
        JsonNode body = bytes.length == 0 ? Gateway.JSON.nullNode() : Gateway.JSON.readTree(bytes);
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring("/v1".length());
        switch (route) {
            case "GET /models" -> FakeOpenAi.send(exchange, 200, models().toString());
            case "GET /pipelines" -> FakeOpenAi.send(exchange, 200, "{\"data\": [{\"id\": \"" + FILTER
                    + "\", \"name\": \"Ops guard\", \"type\": \"filter\", \"valves\": true}]}");
            case "GET /" + FILTER + "/valves" -> FakeOpenAi.send(exchange, 200, valvesNow());
            case "GET /" + FILTER + "/valves/spec" -> FakeOpenAi.send(exchange, 200, "{\"title\": \"Valves\", \"type\": \"object\", "
                    + "\"properties\": {\"prefix\": {\"title\": \"Prefix\", \"type\": \"string\"}}}");
            case "POST /" + FILTER + "/valves/update" -> {
                synchronized (this) {
                    valves.setAll((ObjectNode) body);
                }
                FakeOpenAi.send(exchange, 200, valvesNow());
            }
            case "POST /" + FILTER + "/filter/inlet" -> {
                inlets.add(body);
                ObjectNode request = (ObjectNode) body.path("body");
                ArrayNode messages = (ArrayNode) request.path("messages");
                ObjectNode last = (ObjectNode) messages.get(messages.size() - 1);
                last.put("content", prefix() + " " + last.path("content").asText());
                FakeOpenAi.send(exchange, 200, request.toString());
            }
            case "POST /" + FILTER + "/filter/outlet" -> {
                outlets.add(body);
                ObjectNode completed = (ObjectNode) body.path("body");
                ArrayNode messages = (ArrayNode) completed.path("messages");
                for (int i = messages.size() - 1; i >= 0; i--) {
                    if ("assistant".equals(messages.get(i).path("role").asText())) {
                        ((ObjectNode) messages.get(i)).put("content", messages.get(i).path("content").asText() + OUTLET_MARK);
                        break;
                    }
                }
                FakeOpenAi.send(exchange, 200, completed.toString());
            }
            default -> FakeOpenAi.send(exchange, 404, "{\"detail\": \"Not Found\"}");
        }
    }

    private synchronized String valvesNow() {
        return valves.toString();
    }

    private static ObjectNode models() {
        ObjectNode list = Gateway.JSON.createObjectNode().put("object", "list").put("pipelines", true);
        ObjectNode filter = list.putArray("data").addObject().put("id", FILTER).put("name", "Ops guard").put("object", "model");
        ObjectNode pipeline = filter.putObject("pipeline").put("type", "filter").put("priority", 0).put("valves", true);
        pipeline.putArray("pipelines").add(FakeOpenAi.ECHO);
        return list;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
