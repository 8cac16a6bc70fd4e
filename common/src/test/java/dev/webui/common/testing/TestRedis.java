package dev.webui.common.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** Redis for tests: the machine's shared server, or a private redis-server a test starts and stops itself. */
public final class TestRedis implements AutoCloseable {
    public static final String SHARED_URL = "redis://127.0.0.1:6379/0";

    private final int port;
    private final Path dir;
    private Process process;

    private TestRedis(int port) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("test-redis");
    }

    /** Starts a private redis-server on a free port. */
    public static TestRedis startPrivate() {
        try {
            TestRedis redis = new TestRedis(freePort());
            redis.start();
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start redis-server: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public synchronized void start() throws IOException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        awaitPort(true);
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            process = null;
            awaitPort(false);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Deletes every key under a prefix (a test run's own), using redis-cli. */
    public static void deleteKeys(String url, String prefix) {
        try {
            Process p = new ProcessBuilder("bash", "-c",
                    "redis-cli -u \"$1\" --scan --pattern \"$2:*\" | xargs -r redis-cli -u \"$1\" del > /dev/null", "_", url, prefix)
                    .redirectErrorStream(true).start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // keys left behind carry a unique prefix and harm nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPort(boolean open) {
        await("redis-server on port " + port + (open ? " started" : " stopped")).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> isOpen() == open);
    }

    private boolean isOpen() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
