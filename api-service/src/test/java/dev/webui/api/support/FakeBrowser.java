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
import java.util.function.Function;

/**
 * A browser tab as the bridge's event calls reach it: watches the call channel in Redis over its
 * own connection (redis-cli, so the service's own subscriptions are untouched), keeps every call
 * and publishes {@code answer(call)} as the ack on the call's {@code reply_to} channel.
 */
public final class FakeBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    private final Process process;

    public FakeBrowser(String callChannel, Function<JsonNode, Object> answer) throws Exception {
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
                        calls.add(call);
                        String reply = JSON.writeValueAsString(Map.of("id", call.path("id").asText(), "result", answer.apply(call)));
                        RedisCli.run("PUBLISH", call.path("reply_to").asText(), reply);
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
