package dev.webui.bridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real socket.io-client@4 sockets, run by the Node driver in src/test/node (driver.js). Every
 * message the sockets see is recorded; tests wait for the ones they expect.
 */
public final class SocketClients implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path DRIVER_DIR = Path.of("src", "test", "node");

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Writer stdin;
    private final List<JsonNode> seen = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    public SocketClients() {
        try {
            if (needsInstall()) {
                Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DRIVER_DIR.toFile())
                        .inheritIO().start();
                assertTrue(install.waitFor(300, TimeUnit.SECONDS) && install.exitValue() == 0, "npm ci in " + DRIVER_DIR);
            }
            process = new ProcessBuilder("node", "driver.js").directory(DRIVER_DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Node test driver (is node on PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "socket-clients");
        reader.setDaemon(true);
        reader.start();
        await(m -> m.path("type").asText().equals("ready"), WAIT, "driver ready");
    }

    /** No node_modules yet, or installed from an older package-lock.json (a dependency was added since). */
    private static boolean needsInstall() throws IOException {
        Path installed = DRIVER_DIR.resolve("node_modules").resolve(".package-lock.json");
        return !Files.exists(installed)
                || Files.getLastModifiedTime(DRIVER_DIR.resolve("package-lock.json")).compareTo(Files.getLastModifiedTime(installed)) > 0;
    }

    /** Options of a socket: transports, handshake auth, extra HTTP headers, ack answers per event. */
    public record Options(List<String> transports, Map<String, Object> auth, Map<String, String> headers,
                          Map<String, Object> answers) {
        public static Options websocket() {
            return new Options(List.of("websocket"), null, Map.of(), Map.of());
        }

        public static Options polling() {
            return new Options(List.of("polling"), null, Map.of(), Map.of());
        }

        public Options token(String token) {
            return new Options(transports, Map.of("token", token), headers, answers);
        }

        public Options headers(Map<String, String> extra) {
            return new Options(transports, auth, extra, answers);
        }

        /** Answer event calls of {@code event} with {@code value} (unanswered otherwise). */
        public Options answer(String event, Object value) {
            return new Options(transports, auth, headers, Map.of(event, Map.of("value", value)));
        }
    }

    /** Connects a socket named {@code client} to a bridge on {@code port}; yields its sid. */
    public String connect(String client, int port, Options options) {
        ObjectNode cmd = command("connect", client);
        cmd.put("url", "http://127.0.0.1:" + port);
        cmd.set("transports", json.valueToTree(options.transports()));
        if (options.auth() != null) {
            cmd.set("auth", json.valueToTree(options.auth()));
        }
        cmd.set("headers", json.valueToTree(options.headers()));
        cmd.set("answers", json.valueToTree(options.answers()));
        send(cmd);
        JsonNode connected = await(m -> client.equals(m.path("client").asText())
                && (m.path("type").asText().equals("connected") || m.path("type").asText().equals("connect_error")), WAIT, client + " connected");
        if (!connected.path("type").asText().equals("connected")) {
            fail(client + " could not connect: " + connected);
        }
        return connected.path("sid").asText();
    }

    public JsonNode connection(String client) {
        return await(m -> client.equals(m.path("client").asText()) && m.path("type").asText().equals("connected"), WAIT, client);
    }

    public void emit(String client, String event, Object data) {
        ObjectNode cmd = command("emit", client);
        cmd.put("event", event);
        cmd.set("data", json.valueToTree(data));
        send(cmd);
    }

    /** Emits with {@code field} of {@code data} (an int array) sent as binary (a Uint8Array attachment). */
    public void emitBinary(String client, String event, Object data, String field) {
        ObjectNode cmd = command("emit", client);
        cmd.put("event", event);
        cmd.set("data", json.valueToTree(data));
        cmd.put("binary", field);
        send(cmd);
    }

    /** Emits with an ack callback and waits for the server's ack; yields the ack arguments. */
    public JsonNode emitWithAck(String client, String event, Object data) {
        int seq = sequence.incrementAndGet();
        ObjectNode cmd = command("emit", client);
        cmd.put("event", event);
        cmd.set("data", json.valueToTree(data));
        cmd.put("ack", true);
        cmd.put("seq", seq);
        send(cmd);
        return await(m -> m.path("type").asText().equals("ack") && m.path("seq").asInt() == seq, WAIT, event + " ack").get("data");
    }

    /** Opens a Yjs document on the client's socket, wired as the UI's editor is, and joins it. */
    public void ydocOpen(String client, String documentId, String userId) {
        ObjectNode cmd = command("ydoc-open", client);
        cmd.put("document_id", documentId);
        cmd.put("user_id", userId);
        send(cmd);
    }

    /** Types {@code text} at the end of the client's document (a local Yjs change, sent to the bridge). */
    public void ydocInsert(String client, String text) {
        ObjectNode cmd = command("ydoc-insert", client);
        cmd.put("text", text);
        send(cmd);
    }

    /** The text of the client's document now. */
    public String ydocText(String client) {
        int seq = sequence.incrementAndGet();
        ObjectNode cmd = command("ydoc-text", client);
        cmd.put("seq", seq);
        send(cmd);
        return await(m -> m.path("type").asText().equals("ydoc-text") && m.path("seq").asInt() == seq, WAIT, client + " text")
                .path("text").asText();
    }

    public void disconnect(String client) {
        send(command("disconnect", client));
        await(m -> client.equals(m.path("client").asText()) && m.path("type").asText().equals("disconnected"), WAIT, client + " disconnected");
    }

    /** Waits for {@code event} on {@code client} whose data matches; yields the data. */
    public JsonNode awaitEvent(String client, String event, Predicate<JsonNode> data) {
        return await(m -> isEvent(m, client, event) && data.test(m.get("data")), WAIT, client + " <- " + event).get("data");
    }

    public JsonNode awaitEvent(String client, String event) {
        return awaitEvent(client, event, d -> true);
    }

    /** Asserts that {@code client} receives no {@code event} matching within {@code window}. */
    public void assertNoEvent(String client, String event, Predicate<JsonNode> data, Duration window) {
        Instant end = Instant.now().plus(window);
        synchronized (seen) {
            while (Instant.now().isBefore(end)) {
                for (JsonNode m : seen) {
                    if (isEvent(m, client, event) && data.test(m.get("data"))) {
                        fail(client + " received " + m);
                    }
                }
                waitOn(Duration.between(Instant.now(), end));
            }
        }
    }

    /** Every event {@code client} received so far, in order. */
    public List<JsonNode> events(String client) {
        synchronized (seen) {
            return seen.stream().filter(m -> m.path("type").asText().equals("event") && client.equals(m.path("client").asText())).toList();
        }
    }

    private static boolean isEvent(JsonNode m, String client, String event) {
        return m.path("type").asText().equals("event") && client.equals(m.path("client").asText()) && event.equals(m.path("event").asText());
    }

    private JsonNode await(Predicate<JsonNode> match, Duration timeout, String what) {
        Instant end = Instant.now().plus(timeout);
        synchronized (seen) {
            while (true) {
                for (JsonNode m : seen) {
                    if (match.test(m)) {
                        return m;
                    }
                }
                if (!Instant.now().isBefore(end)) {
                    return fail("Timed out waiting for " + what + "; seen: " + seen);
                }
                waitOn(Duration.between(Instant.now(), end));
            }
        }
    }

    private void waitOn(Duration duration) {
        try {
            long millis = Math.max(1, duration.toMillis());
            seen.wait(Math.min(millis, 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode command(String op, String client) {
        ObjectNode cmd = json.createObjectNode();
        cmd.put("op", op);
        cmd.put("client", client);
        return cmd;
    }

    private synchronized void send(ObjectNode cmd) {
        try {
            stdin.write(cmd.toString() + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("The Node test driver is gone", e);
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                JsonNode message = json.readTree(line);
                synchronized (seen) {
                    seen.add(message);
                    seen.notifyAll();
                }
            }
        } catch (IOException e) {
            // the driver ended
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
