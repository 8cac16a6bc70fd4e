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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The one part outside the suite: an OpenAI-compatible upstream on a free port, speaking the real
 * wire format (GET /models, POST /chat/completions as JSON or as SSE {@code data:} chunks with a
 * usage chunk and {@code data: [DONE]}, {@code {"error": ...}} bodies for a bad key).
 * {@value #ECHO} answers "You said: <last user message>" in a few chunks; {@value #SLOW} streams a
 * word every 100 ms until the caller hangs up (or 2 minutes pass), so a stop can be observed here;
 * {@value #TOOLS} streams the rounds a test scripts, with {@code tool_calls} deltas. A user message that
 * starts with {@value #VERBATIM} is answered with the rest of it unchanged (rich Markdown on demand); one that
 * contains {@value #PROXY_FAILURE} gets the HTML page an nginx in front of a failed provider answers with.
 */
final class FakeOpenAi implements AutoCloseable {
    static final String ECHO = "fake-echo";
    static final String SLOW = "fake-slow";
    /** Answers in rounds scripted by {@link #scriptTools}: text, then tool calls, in the real streamed shape. */
    static final String TOOLS = "fake-tools";
    static final String KEY = "sk-ops-fake-upstream";
    /**
     * The non-streamed answer, shaped for every background task at once (title, tags, follow-ups).
     * The follow-up repeats itself, as small models do when they copy the prompt's example.
     */
    static final String TITLE = "Ops drill";
    static final String FOLLOW_UP = "And then?";
    static final String TASK_ANSWER = "{\"title\": \"" + TITLE + "\", \"tags\": [\"testing\"], \"follow_ups\": [\"" + FOLLOW_UP
            + "\", \"" + FOLLOW_UP + "\"]}";
    static final String VERBATIM = "Verbatim:";
    static final String PROXY_FAILURE = "proxy-502";
    static final String PROXY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    private static final int SLOW_LIMIT = 1200;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<JsonNode> completions = new CopyOnWriteArrayList<>();
    private final AtomicInteger slowChunks = new AtomicInteger();
    private volatile boolean slowHungUp;
    private volatile Function<JsonNode, ToolRound> toolScript = request -> new ToolRound("No script.", null, null);

    /** One round of {@value #TOOLS}: some text, then a call of {@code function} with these arguments (none: the answer ends). */
    record ToolRound(String text, String function, String arguments) {
    }

    FakeOpenAi() throws IOException {
        this("127.0.0.1");
    }

    /** Listening on one address of this machine (the containers' network reaches it at its gateway address). */
    FakeOpenAi(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/v1/models", this::models);
        server.createContext("/v1/chat/completions", this::chat);
        server.setExecutor(threads);
        server.start();
    }

    /** What {@value #TOOLS} answers to a streamed request (its messages say which round it is). */
    void scriptTools(Function<JsonNode, ToolRound> script) {
        toolScript = script;
    }

    /** The base URL for OPENAI_API_BASE_URLS. */
    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1";
    }

    /** Every completion request received, in order of arrival. */
    List<JsonNode> completions() {
        return List.copyOf(completions);
    }

    int slowChunksSent() {
        return slowChunks.get();
    }

    /** True once the caller of a slow stream closed the connection before the stream ended. */
    boolean slowStreamHungUp() {
        return slowHungUp;
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        if (("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        send(exchange, 401, "{\"error\": {\"message\": \"Incorrect API key provided\", \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}");
        return false;
    }

    private void models(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        ObjectNode list = json.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (String id : List.of(ECHO, SLOW, TOOLS)) {
            data.addObject().put("id", id).put("object", "model").put("created", 1_700_000_000L).put("owned_by", "ops-tests");
        }
        send(exchange, 200, json.writeValueAsString(list));
    }

    private void chat(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        JsonNode request = json.readTree(exchange.getRequestBody());
        completions.add(request);
        String model = request.path("model").asText();
        if (!request.path("stream").asBoolean(false)) {
            ObjectNode answer = chunkBase(model, "chat.completion");
            answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", TASK_ANSWER);
            answer.set("usage", usage());
            send(exchange, 200, json.writeValueAsString(answer));
            return;
        }
        String said = lastUserText(request);
        if (said.contains(PROXY_FAILURE)) {
            sendPage(exchange, 502, PROXY_PAGE);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, delta(model, "role", "assistant", ""));
            if (SLOW.equals(model)) {
                streamSlowly(out, model);
                return;
            }
            if (TOOLS.equals(model)) {
                streamRound(out, model, toolScript.apply(request));
                return;
            }
            List<String> pieces = said.startsWith(VERBATIM) ? List.of(said.substring(VERBATIM.length()).strip())
                    : List.of("You ", "said: ", "**" + said + "**", "\n\nDone.");
            for (String piece : pieces) {
                event(out, delta(model, null, null, piece));
            }
            finish(out, model, request.path("stream_options").path("include_usage").asBoolean(true));
        }
    }

    private void streamSlowly(OutputStream out, String model) throws IOException {
        try {
            for (int i = 1; i <= SLOW_LIMIT; i++) {
                event(out, delta(model, null, null, "word" + i + " "));
                slowChunks.incrementAndGet();
                Thread.sleep(100);
            }
            finish(out, model, true);
        } catch (IOException hungUp) {
            slowHungUp = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The round's text, then its call as OpenAI streams one: id and name first, the arguments in two fragments. */
    private void streamRound(OutputStream out, String model, ToolRound round) throws IOException {
        if (!round.text().isEmpty()) {
            event(out, delta(model, null, null, round.text()));
        }
        if (round.function() == null) {
            finish(out, model, true);
            return;
        }
        int half = round.arguments().length() / 2;
        event(out, callFragment(model, "call_" + UUID.randomUUID().toString().substring(0, 8), round.function(),
                round.arguments().substring(0, half)));
        event(out, callFragment(model, null, null, round.arguments().substring(half)));
        finish(out, model, true, "tool_calls");
    }

    private ObjectNode callFragment(String model, String id, String name, String arguments) {
        ObjectNode chunk = chunkBase(model, "chat.completion.chunk");
        ObjectNode call = chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta")
                .putArray("tool_calls").addObject().put("index", 0);
        if (id != null) {
            call.put("id", id).put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments);
        return chunk;
    }

    private void finish(OutputStream out, String model, boolean withUsage) throws IOException {
        finish(out, model, withUsage, "stop");
    }

    private void finish(OutputStream out, String model, boolean withUsage, String reason) throws IOException {
        ObjectNode last = chunkBase(model, "chat.completion.chunk");
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", reason).putObject("delta");
        event(out, last);
        if (withUsage) {
            ObjectNode usage = chunkBase(model, "chat.completion.chunk");
            usage.putArray("choices");
            usage.set("usage", usage());
            event(out, usage);
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String lastUserText(JsonNode request) {
        String text = "";
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                JsonNode content = message.path("content");
                text = content.isTextual() ? content.asText() : content.path(0).path("text").asText();
            }
        }
        return text;
    }

    private ObjectNode chunkBase(String model, String object) {
        return json.createObjectNode().put("id", "chatcmpl-ops").put("object", object)
                .put("created", Instant.now().getEpochSecond()).put("model", model);
    }

    private ObjectNode delta(String model, String roleKey, String role, String content) {
        ObjectNode chunk = chunkBase(model, "chat.completion.chunk");
        ObjectNode delta = chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta");
        if (roleKey != null) {
            delta.put(roleKey, role);
        }
        delta.put("content", content);
        return chunk;
    }

    private ObjectNode usage() {
        return json.createObjectNode().put("prompt_tokens", 12).put("completion_tokens", 7).put("total_tokens", 19);
    }

    private void event(OutputStream out, JsonNode chunk) throws IOException {
        out.write(("data: " + json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void sendPage(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html", html);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
