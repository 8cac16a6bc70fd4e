package dev.webui.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens {@code count} websockets through the local-mode gateway at once, each until the bridge's
 * Engine.IO open packet arrives, and holds them all together: the gateway's connection limit (two
 * connections per proxied socket) and the bridge must take them. Loopback only, bounded in time.
 */
final class ManySocketsStep {
    private final String gatewayUrl;
    private final int count;

    ManySocketsStep(String gatewayUrl, int count) {
        this.gatewayUrl = gatewayUrl;
        this.count = count;
    }

    void run(Duration within) throws Exception {
        URI uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/ws/socket.io/?EIO=4&transport=websocket");
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch opened = new CountDownLatch(count);
        CountDownLatch closedEarly = new CountDownLatch(1);
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                if (data.toString().startsWith("0{")) {
                    opened.countDown();
                }
                socket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                closedEarly.countDown();
                return null;
            }
        };
        try {
            for (int i = 0; i < count; i++) {
                http.newWebSocketBuilder().connectTimeout(within).buildAsync(uri, listener)
                        .whenComplete((socket, failure) -> {
                            if (failure != null) {
                                failures.add(failure);
                            } else {
                                sockets.add(socket);
                            }
                        });
            }
            boolean all = opened.await(within.toSeconds(), TimeUnit.SECONDS);
            assertTrue(failures.isEmpty(), failures.size() + " sockets failed to open, first: " + (failures.isEmpty() ? "" : failures.get(0)));
            assertTrue(all, (count - opened.getCount()) + " of " + count + " sockets opened in " + within);
            assertEquals(count, sockets.size());
            assertEquals(1, closedEarly.getCount(), "no socket was closed while all were open");
        } finally {
            for (WebSocket socket : sockets) {
                socket.abort();
            }
        }
    }
}
