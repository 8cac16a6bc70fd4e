package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAPI tool server of the test's own on loopback (TCP_NODELAY): {@code add} answers the sum of
 * its JSON body's a and b, {@code broken} answers HTTP 500, {@code slow} answers only once released
 * (or after two minutes). Every call is recorded, the arrival of a slow one too.
 */
final class FakeToolServer implements AutoCloseable {
    static final String BROKEN_BODY = "disk on fire";
    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "Ops tools", "version": "1.0"},
             "paths": {
              "/add": {"post": {"operationId": "add", "description": "Adds two numbers.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
                  "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "required": ["a", "b"]}}}},
                "responses": {"200": {"description": "the sum"}}}},
              "/broken": {"get": {"operationId": "broken", "description": "Always fails.", "responses": {"200": {"description": "never"}}}},
              "/slow": {"get": {"operationId": "slow", "description": "Takes its time.", "responses": {"200": {"description": "late"}}}}
             }}""";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch slowArrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    FakeToolServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/openapi.json", exchange -> FakeOpenAi.send(exchange, 200, DOCUMENT));
        server.createContext("/add", this::add);
        server.createContext("/broken", exchange -> {
            calls.add("broken");
            FakeOpenAi.send(exchange, 500, BROKEN_BODY);
        });
        server.createContext("/slow", this::slow);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The calls received, as "add {json body}", "broken", "slow". */
    List<String> calls() {
        return List.copyOf(calls);
    }

    boolean awaitSlowCall() throws InterruptedException {
        return slowArrived.await(60, TimeUnit.SECONDS);
    }

    void releaseSlowCalls() {
        release.countDown();
    }

    private void add(HttpExchange exchange) throws IOException {
        JsonNode body = Gateway.JSON.readTree(exchange.getRequestBody());
        calls.add("add " + body);
        FakeOpenAi.send(exchange, 200, "{\"sum\": " + (body.path("a").asInt() + body.path("b").asInt()) + "}");
    }

    private void slow(HttpExchange exchange) throws IOException {
        calls.add("slow");
        slowArrived.countDown();
        try {
            release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FakeOpenAi.send(exchange, 200, "{\"late\": true}");
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
