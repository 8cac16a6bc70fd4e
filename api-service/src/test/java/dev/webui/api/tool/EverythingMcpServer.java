package dev.webui.api.tool;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The MCP reference server {@code @modelcontextprotocol/server-everything} in streamable HTTP
 * mode (POST /mcp) or SSE mode (GET /sse), installed by npm into target/mcp-everything on first use and run with node
 * on a free loopback port; it can be stopped and started again on the same port.
 */
final class EverythingMcpServer implements AutoCloseable {
    static final String PACKAGE = "@modelcontextprotocol/server-everything@2026.8.31";
    private static final Path DIR = Path.of("target", "mcp-everything").toAbsolutePath();

    private final int port;
    private final boolean sse;
    private Process node;

    EverythingMcpServer(boolean sse) throws IOException, InterruptedException {
        this.sse = sse;
        install();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + (sse ? "/sse" : "/mcp");
    }

    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        if (Files.exists(DIR.resolve("node_modules/@modelcontextprotocol/server-everything/package.json"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "install", "--prefix", DIR.toString(), "--no-audit", "--no-fund", PACKAGE)
                .redirectErrorStream(true).redirectOutput(DIR.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm install " + PACKAGE + " failed; see " + DIR.resolve("npm.log"));
        }
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node",
                DIR.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js").toString(), sse ? "sse" : "streamableHttp")
                .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolve("server.log").toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        node = builder.start();
        try {
            await("server-everything listening").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!node.isAlive()) {
                    throw new IllegalStateException("server-everything exited: " + Files.readString(DIR.resolve("server.log")));
                }
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("server-everything did not start: " + Files.readString(DIR.resolve("server.log")), e);
        }
    }

    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
