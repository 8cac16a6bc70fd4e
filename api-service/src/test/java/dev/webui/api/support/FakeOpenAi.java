package dev.webui.api.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** An OpenAI-compatible provider answering GET /v1/models in the real wire format, with a required key. */
public final class FakeOpenAi implements AutoCloseable {
    private final HttpServer server;
    public final AtomicInteger modelListCalls = new AtomicInteger();
    /** Answer the model list as a Pipelines server does (with its {@code pipelines} marker). */
    public volatile boolean pipelines;

    public FakeOpenAi(String key, String... modelIds) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/models", exchange -> {
            modelListCalls.incrementAndGet();
            String body;
            int status;
            if (!("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";
            } else {
                status = 200;
                StringBuilder data = new StringBuilder();
                for (String id : modelIds) {
                    if (data.length() > 0) {
                        data.append(',');
                    }
                    data.append("{\"id\":\"").append(id).append("\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"system\"}");
                }
                body = "{\"object\":\"list\",\"data\":[" + data + "]" + (pipelines ? ",\"pipelines\":true" : "") + "}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
