package dev.webui.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MCP reference server {@code @modelcontextprotocol/server-everything} (the version api-service's
 * tool tests pin), installed by npm into ops-tests/target/mcp-everything on first use and run with node
 * in streamable HTTP mode on a free loopback port; it can be killed and started again on that port.
 */
final class EverythingMcp implements AutoCloseable {
    private static final String PACKAGE = "@modelcontextprotocol/server-everything@2026.8.31";
    private static final Path DIR = Repo.file("ops-tests/target/mcp-everything");

    private final int port;
    private Process node;

    EverythingMcp() throws IOException, InterruptedException {
        install();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.exists(DIR.resolve("node_modules/@modelcontextprotocol/server-everything/package.json"))) {
            return;
        }
        Files.createDirectories(DIR);
        Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", DIR.toString(), "--no-audit", "--no-fund", PACKAGE))
                .redirectErrorStream(true).redirectOutput(DIR.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm install " + PACKAGE + " failed; see " + DIR.resolve("npm.log"));
        }
    }

    void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node",
                DIR.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js").toString(), "streamableHttp")
                .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(DIR.resolve("server.log").toFile()));
        builder.environment().put("PORT", Integer.toString(port));
        node = builder.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!listening()) {
            if (!node.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("server-everything did not start: " + Files.readString(DIR.resolve("server.log")));
            }
            Thread.sleep(100);
        }
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Kills the server (its sessions die with it) and waits until the port is closed. */
    void kill() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
