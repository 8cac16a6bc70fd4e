package dev.webui.ops;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Jupyter server (Debian's {@code jupyter-server} and {@code python3-ipykernel}) on a free
 * loopback port with a token, its state in a temporary folder. Installed with apt-get when missing
 * and the tests run as root; otherwise the step that needs it is skipped, saying what to install.
 */
final class JupyterServer implements AutoCloseable {
    private static final Path SERVER = Path.of("/usr/bin/jupyter-server");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token = UUID.randomUUID().toString();
    private final Process process;

    JupyterServer() throws IOException, InterruptedException {
        ensureInstalled();
        Path dir = Files.createTempDirectory("ops-jupyter");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(SERVER.toString(), "--allow-root", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--ServerApp.port_retries=0", "--ServerApp.root_dir=" + dir, "--ServerApp.token=" + token)
                .redirectErrorStream(true).redirectOutput(dir.resolve("jupyter.log").toFile());
        Map<String, String> env = builder.environment();
        for (String name : new String[]{"JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"}) {
            env.put(name, dir.resolve(name.toLowerCase()).toString());
        }
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        process = builder.start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (status("/api") != 200) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("jupyter-server did not start; its log: " + dir.resolve("jupyter.log"));
            }
            Thread.sleep(200);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String token() {
        return token;
    }

    /** The kernels the server holds now, as its JSON array. */
    String kernels() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/kernels")).header("Authorization", "token " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int status(String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        }
    }

    private static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (!Files.isExecutable(SERVER) && "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            new ProcessBuilder("apt-get", "install", "-y", "-qq", "jupyter-server", "python3-ipykernel").inheritIO().start().waitFor();
        }
        Assumptions.assumeTrue(Files.isExecutable(SERVER), "Jupyter is needed at " + SERVER
                + " (as root: apt-get install -y jupyter-server python3-ipykernel)");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
