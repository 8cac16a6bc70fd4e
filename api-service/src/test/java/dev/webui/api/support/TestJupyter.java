package dev.webui.api.support;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Jupyter server of the test's own (Debian's {@code jupyter-server} and {@code python3-ipykernel}),
 * on a free loopback port with a token or a password, its state in a temporary directory. Installed
 * with apt-get when missing and the tests run as root; otherwise the tests that need it are skipped
 * with the reason.
 */
public final class TestJupyter implements AutoCloseable {
    private static final Path SERVER = Path.of("/usr/bin/jupyter-server");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;
    private final Process process;

    private TestJupyter(int port, String token, Process process) {
        this.port = port;
        this.token = token;
        this.process = process;
    }

    /** A server that takes {@code Authorization: token <token>}. */
    public static TestJupyter withToken() {
        return start(UUID.randomUUID().toString(), null);
    }

    /** A server that only takes a password login (no token). */
    public static TestJupyter withPassword(String password) {
        return start("", password);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String token() {
        return token;
    }

    /** The kernels the server holds now (token servers only). */
    public JsonArray kernels() {
        return new JsonArray(get("/api/kernels"));
    }

    private static TestJupyter start(String token, String password) {
        ensureInstalled();
        try {
            Path dir = Files.createTempDirectory("test-jupyter");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--allow-root", "--no-browser",
                    "--ip=127.0.0.1", "--port=" + port, "--ServerApp.port_retries=0",
                    "--ServerApp.root_dir=" + dir, "--ServerApp.token=" + token));
            if (password != null) {
                command.add("--ServerApp.password=" + hash(password));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("jupyter.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
            env.put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
            env.put("JUPYTER_DATA_DIR", dir.resolve("data").toString());
            env.put("IPYTHONDIR", dir.resolve("ipython").toString());
            env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
            TestJupyter jupyter = new TestJupyter(port, token, builder.start());
            await("jupyter-server on port " + port + " (log: " + dir.resolve("jupyter.log") + ")")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(jupyter::answers);
            return jupyter;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start jupyter-server: " + e.getMessage(), e);
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("jupyter-server exited with " + process.exitValue());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .header("Authorization", "token " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String password) throws IOException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import sys; from jupyter_server.auth import passwd; print(passwd(sys.argv[1]))", password)
                .redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("Could not hash the Jupyter password: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As root on Debian: apt-get install; otherwise skips the test with what is missing. */
    private static synchronized void ensureInstalled() {
        if (Files.isExecutable(SERVER)) {
            return;
        }
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            try {
                new ProcessBuilder("apt-get", "install", "-y", "-qq", "jupyter-server", "python3-ipykernel")
                        .inheritIO().start().waitFor();
            } catch (IOException e) {
                // reported below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Assumptions.assumeTrue(Files.isExecutable(SERVER), "Jupyter is needed at " + SERVER
                + " and could not be installed (needs root and apt-get): apt-get install -y jupyter-server python3-ipykernel");
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
