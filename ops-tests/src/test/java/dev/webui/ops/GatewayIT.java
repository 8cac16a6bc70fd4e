package dev.webui.ops;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway template itself, rendered by render-gateway.sh and run by nginx in front of upstreams
 * the test controls: the websocket upgrade reaches the bridge's socket port and the tunnel carries
 * bytes both ways; a streamed answer reaches the client event by event, before the upstream has finished,
 * and uncompressed; the web app's files go out as their precompressed .gz copies.
 * (LocalModeIT covers the routing of every path family to the real services.)
 */
class GatewayIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path work;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private int gatewayPort;
    private ServerSocket socketUpstream;
    private HttpServer apiUpstream;
    private final CountDownLatch releaseSecondChunk = new CountDownLatch(1);

    /** nginx comes from `setup --local`, as for a user; its throw-away database is dropped again. */
    @BeforeAll
    static void nginxIsInstalled(@TempDir Path state) throws Exception {
        if (nginx() != null) {
            return;
        }
        String database = "ops_gw_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, String> env = DockerManageScriptTest.withIsolatedState(state);
        env.putAll(Map.of("POSTGRES_DB", database, "POSTGRES_USER", database, "LOCAL_POSTGRES_HOST", PgAdmin.HOST,
                "LOCAL_POSTGRES_PORT", PgAdmin.PORT, "LOCAL_PG_ADMIN", PgAdmin.USER));
        try {
            ManageScript.Result setup = new ManageScript(env).run(Duration.ofMinutes(5), "setup", "--local");
            assertEquals(0, setup.exit(), setup.toString());
        } finally {
            PgAdmin.dropDatabaseAndRole(database);
        }
        assertTrue(nginx() != null, "setup --local installed nginx");
    }

    @BeforeEach
    void startGateway() throws Exception {
        socketUpstream = new ServerSocket(0);
        cleanup.add(socketUpstream);
        apiUpstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        apiUpstream.createContext("/api/chat/completions", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                releaseSecondChunk.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                body.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        apiUpstream.start();
        cleanup.add(() -> apiUpstream.stop(0));

        try (ServerSocket free = new ServerSocket(0)) {
            gatewayPort = free.getLocalPort();
        }
        String unused = "127.0.0.1:9"; // services not under test here
        Path conf = work.resolve("gateway.conf");
        Map<String, String> env = Map.of("API_UPSTREAM", "127.0.0.1:" + apiUpstream.getAddress().getPort(), "AUTH_UPSTREAM", unused,
                "FILES_UPSTREAM", unused, "SOCKET_UPSTREAM", "127.0.0.1:" + socketUpstream.getLocalPort(),
                "GATEWAY_PORT", String.valueOf(gatewayPort), "GATEWAY_STATIC_ROOT", work.toString(),
                "GATEWAY_ACCESS_LOG", work.resolve("access.log").toString());
        ProcessBuilder rendering = new ProcessBuilder("sh", Repo.file("frontend/nginx/render-gateway.sh").toString(),
                Repo.file("frontend/nginx/gateway.conf.template").toString(), conf.toString()).redirectErrorStream(true);
        rendering.environment().putAll(env);
        Process render = rendering.start();
        String rendered = new String(render.getInputStream().readAllBytes());
        assertEquals(0, render.waitFor(), rendered);

        Files.createDirectories(work.resolve("tmp"));
        Files.writeString(work.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    include %1$s/gateway.conf;
                }
                """.formatted(work));
        Process nginx = new ProcessBuilder(nginx(), "-e", work.resolve("error.log").toString(), "-p", work.toString(),
                "-c", work.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("nginx.out").toFile()).start();
        cleanup.add(() -> {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        });
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!accepts(gatewayPort)) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(work.resolve("nginx.out")));
            }
            assertTrue(System.nanoTime() < deadline, "nginx did not listen in time");
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stop() throws Exception {
        releaseSecondChunk.countDown();
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void aWebsocketUpgradeReachesTheBridgeAndTheTunnelCarriesBothWays() throws Exception {
        CompletableFuture<String> upstreamSaw = CompletableFuture.supplyAsync(() -> {
            try (Socket bridge = socketUpstream.accept()) {
                bridge.setSoTimeout((int) WAIT.toMillis());
                String head = readHead(bridge.getInputStream());
                bridge.getOutputStream().write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] ping = bridge.getInputStream().readNBytes(4);
                bridge.getOutputStream().write(("pong:" + new String(ping, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));
                bridge.getOutputStream().flush();
                bridge.getInputStream().read(); // until the client closes
                return head;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Socket client = new Socket("127.0.0.1", gatewayPort)) {
            client.setSoTimeout((int) WAIT.toMillis());
            client.getOutputStream().write(("GET /ws/socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: chat.example.com\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nX-Request-Id: ws-test-1\r\nX-Forwarded-For: 203.0.113.9\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = readHead(client.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 101"), response);
            client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertEquals("pong:ping", new String(client.getInputStream().readNBytes(9), StandardCharsets.US_ASCII));
        }
        String head = upstreamSaw.get(WAIT.toSeconds(), TimeUnit.SECONDS).toLowerCase();
        assertTrue(head.startsWith("get /ws/socket.io/?eio=4&transport=websocket http/1.1"), head);
        assertTrue(head.contains("\r\nupgrade: websocket\r\n"), head);
        assertTrue(head.contains("\r\nconnection: upgrade\r\n"), head);
        assertTrue(head.contains("\r\nhost: chat.example.com\r\n"), head);
        assertTrue(head.contains("\r\nx-forwarded-for: 127.0.0.1\r\n"), "the address the gateway saw, the client's forgery dropped: " + head);
        assertTrue(head.contains("\r\nx-request-id: ws-test-1\r\n"), head);
    }

    @Test
    void aStreamedAnswerArrivesEventByEventUncompressedEvenWhenTheBrowserAcceptsGzip() throws Exception {
        try (Socket client = new Socket("127.0.0.1", gatewayPort)) {
            client.setSoTimeout((int) WAIT.toMillis());
            client.getOutputStream().write(("POST /api/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                    + "Accept-Encoding: gzip, deflate\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertFalse(head.toLowerCase().contains("content-encoding"), "an event stream is never compressed: " + head);
            String received = readUntil(in, "data: first");
            assertTrue(received.contains("data: first"), "the first event arrives while the upstream still holds the second");
            releaseSecondChunk.countDown();
            assertTrue(readUntil(in, "data: second").contains("data: second"));
        }
    }

    @Test
    void theWebAppsFilesAreServedGzippedFromTheirPrecompressedCopies() throws Exception {
        String script = "console.log('" + "x".repeat(4000) + "');\n";
        Files.createDirectories(work.resolve("assets"));
        // nginx's workers run as an unprivileged user when the test runs as root: let them read the files
        for (Path dir : List.of(work, work.resolve("assets"))) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(work.resolve("assets/index-abc123.js"), script);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(work.resolve("assets/index-abc123.js.gz")))) {
            gz.write(script.getBytes(StandardCharsets.UTF_8));
        }
        HttpClient http = HttpClient.newHttpClient();
        URI asset = URI.create("http://127.0.0.1:" + gatewayPort + "/assets/index-abc123.js");
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(asset).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""), zipped.headers().toString());
        assertTrue(zipped.headers().allValues("Vary").contains("Accept-Encoding"), zipped.headers().toString());
        assertTrue(zipped.body().length < script.length() / 10, "compressed: " + zipped.body().length + " bytes");
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertEquals(script, new String(unzipped.readAllBytes(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(asset).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(script, plain.body(), "a client without gzip gets the original");
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), plain.headers().toString());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        Files.writeString(work.resolve("index.html"), "<!doctype html><title>app</title>");
        Files.createDirectories(work.resolve("assets"));
        Files.writeString(work.resolve("assets/app-1234.js"), "console.log(1)");
        for (Path path : List.of(work, work.resolve("assets"), work.resolve("index.html"), work.resolve("assets/app-1234.js"))) {
            path.toFile().setReadable(true, false); // nginx's workers run as another user when the test runs as root
            path.toFile().setExecutable(Files.isDirectory(path), false);
        }
        Map<String, String> cacheControl = new java.util.LinkedHashMap<>();
        cacheControl.put("/", "no-cache");
        cacheControl.put("/c/some-chat", "no-cache"); // a client-side route answered by index.html
        cacheControl.put("/assets/app-1234.js", "public, max-age=31536000, immutable");
        cacheControl.put("/assets/missing.js", null); // 404
        cacheControl.put("/api/v1/anything", null); // the service's own answer (404 here)
        cacheControl.put("/api/v1/auths/", null); // service unreachable: the gateway's 503
        cacheControl.put("/gateway/health", null);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (Map.Entry<String, String> path : cacheControl.entrySet()) {
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + gatewayPort + path.getKey())).timeout(WAIT).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var headers = response.headers();
            String where = path.getKey() + " (" + response.statusCode() + ") " + headers.map();
            assertEquals(List.of("SAMEORIGIN"), headers.allValues("X-Frame-Options"), where);
            assertEquals(List.of("nosniff"), headers.allValues("X-Content-Type-Options"), where);
            assertEquals(List.of("strict-origin-when-cross-origin"), headers.allValues("Referrer-Policy"), where);
            assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'self'"), where);
            assertEquals(path.getValue(), headers.firstValue("Cache-Control").orElse(null), where);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        return readUntil(in, "\r\n\r\n");
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before '" + marker + "': " + seen.toString(StandardCharsets.ISO_8859_1));
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String nginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
