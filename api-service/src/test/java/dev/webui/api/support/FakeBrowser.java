package dev.webui.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.testing.TestRedis;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A browser tab as the bridge's event calls reach it: watches the call channel in Redis over its
 * own connection (redis-cli, so the service's own subscriptions are untouched), keeps every call
 * and publishes {@code answer(call)} as the ack on the call's {@code reply_to} channel (no ack when
 * it is {@link #SILENT}). For a call that names a stream ({@code listen}), {@code then} may publish
 * what the bridge would forward from the socket ({@link Stream}); releases are kept in {@link #releases}.
 */
public final class FakeBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An answer that sends no ack, as a tab that never answers. */
    public static final Object SILENT = new Object();
    public final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    public final List<String> releases = new CopyOnWriteArrayList<>();
    private final Process process;

    /** What the bridge publishes for the socket's stream items. */
    public record Stream(JsonNode call) {
        public void item(Object item) {
            publish(Map.of("id", call.path("id").asText(), "item", item));
        }

        /** The bridge stopped forwarding: "disconnected" or "timeout". */
        public void end(String reason) {
            publish(Map.of("id", call.path("id").asText(), "end", reason));
        }

        private void publish(Object message) {
            try {
                RedisCli.run("PUBLISH", call.path("reply_to").asText(), JSON.writeValueAsString(message));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public FakeBrowser(String callChannel, Function<JsonNode, Object> answer) throws Exception {
        this(callChannel, answer, (call, stream) -> { });
    }

    public FakeBrowser(String callChannel, Function<JsonNode, Object> answer, BiConsumer<JsonNode, Stream> then) throws Exception {
        process = new ProcessBuilder("redis-cli", "-u", TestRedis.SHARED_URL, "SUBSCRIBE", callChannel)
                .redirectErrorStream(true).start();
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals("1")) {
                        subscribed.complete(null); // the subscription count after "subscribe <channel>"
                    } else if (line.startsWith("{")) {
                        JsonNode call = JSON.readTree(line);
                        if (call.has("release")) {
                            releases.add(call.get("release").asText());
                            continue;
                        }
                        calls.add(call);
                        Object result = answer.apply(call);
                        if (result != SILENT) {
                            String reply = JSON.writeValueAsString(Map.of("id", call.path("id").asText(), "result", result));
                            RedisCli.run("PUBLISH", call.path("reply_to").asText(), reply);
                        }
                        if (call.hasNonNull("listen")) {
                            then.accept(call, new Stream(call));
                        }
                    }
                }
            } catch (Exception e) {
                subscribed.completeExceptionally(e);
            }
        }, "fake-browser");
        reader.setDaemon(true);
        reader.start();
        subscribed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
