package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Real socket.io-client@4 sockets in a Node process (src/test/node/socket-clients.js), named by the
 * test; everything they report is kept and awaited with generous deadlines.
 */
final class SocketClients implements AutoCloseable {
    private final Process node;
    private final Writer commands;
    private final List<JsonNode> reports = new ArrayList<>();
    private final StringBuilder errors = new StringBuilder();

    SocketClients() throws IOException {
        node = new ProcessBuilder("node", "socket-clients.js").directory(Repo.file("ops-tests/src/test/node").toFile()).start();
        commands = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        daemon(() -> read(new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))));
        daemon(this::readErrors);
        await(r -> "ready".equals(r.path("type").asText()), Duration.ofSeconds(30));
    }

    /**
     * Connects a socket the way the stock UI does (token in the handshake, then user-join with the
     * token, whose acknowledgement says the socket is bound to its user) and returns its sid.
     */
    String connect(String client, String url, String token) throws IOException {
        ObjectNode command = Gateway.JSON.createObjectNode().put("op", "connect").put("client", client).put("url", url).put("token", token);
        send(command);
        JsonNode outcome = await(r -> client.equals(r.path("client").asText())
                && ("connected".equals(r.path("type").asText()) || "connect_error".equals(r.path("type").asText())), Duration.ofSeconds(30));
        if (!"connected".equals(outcome.path("type").asText())) {
            throw new AssertionError(client + " could not connect to " + url + ": " + outcome);
        }
        String ackId = "join-" + client;
        ObjectNode join = Gateway.JSON.createObjectNode().put("op", "emit").put("client", client).put("event", "user-join").put("ack", ackId);
        join.putObject("data").putObject("auth").put("token", token);
        send(join);
        JsonNode joined = await(r -> "ack".equals(r.path("type").asText()) && ackId.equals(r.path("id").asText()), Duration.ofSeconds(30));
        if (joined.path("data").path("id").asText().isEmpty()) {
            throw new AssertionError(client + ": user-join was not accepted: " + joined);
        }
        return outcome.path("sid").asText();
    }

    /** The events of one name a client received so far, their data in order of arrival. */
    List<JsonNode> events(String client, String event) {
        synchronized (reports) {
            return reports.stream().filter(r -> "event".equals(r.path("type").asText()) && client.equals(r.path("client").asText())
                    && event.equals(r.path("event").asText())).map(r -> r.path("data")).toList();
        }
    }

    /** Waits until a client received an event whose data matches, and returns that data. */
    JsonNode awaitEvent(String client, String event, Predicate<JsonNode> data, Duration timeout) {
        return await(r -> "event".equals(r.path("type").asText()) && client.equals(r.path("client").asText())
                && event.equals(r.path("event").asText()) && data.test(r.path("data")), timeout).path("data");
    }

    /** The reports so far that match, in order of arrival. */
    List<JsonNode> reports(Predicate<JsonNode> wanted) {
        synchronized (reports) {
            return reports.stream().filter(wanted).toList();
        }
    }

    JsonNode await(Predicate<JsonNode> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (reports) {
            while (true) {
                for (JsonNode report : reports) {
                    if (wanted.test(report)) {
                        return report;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0 || !node.isAlive()) {
                    throw new AssertionError("no such report within " + timeout + "; received: " + reports + "; node stderr: " + errors);
                }
                try {
                    reports.wait(Math.min(left, 500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "socket-clients-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void send(JsonNode command) throws IOException {
        synchronized (commands) {
            commands.write(Gateway.JSON.writeValueAsString(command) + "\n");
            commands.flush();
        }
    }

    private void read(BufferedReader lines) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode report = Gateway.JSON.readTree(line);
                synchronized (reports) {
                    reports.add(report);
                    reports.notifyAll();
                }
            }
        } catch (IOException ended) {
            // the driver exited; await() reports what was received
        }
    }

    private void readErrors() {
        try {
            String text = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (reports) {
                errors.append(text);
            }
        } catch (IOException ended) {
            // nothing more to read
        }
    }

    @Override
    public void close() throws Exception {
        commands.close();
        if (!node.waitFor(10, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }
}
