package dev.webui.auth.oauth;

import dev.webui.common.testing.TestRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real OpenID provider for the tests: npm's oidc-provider (installed into target/ on first use)
 * run by node on a free port, with one confidential client whose redirect URI is this test run's
 * callback. The port is chosen before the service starts (its address is configuration); node
 * starts once the service's own port is known ({@link #ensureRunning}).
 */
public class OidcTestProvider implements QuarkusTestResourceLifecycleManager {
    static final String CLIENT_ID = "webui";
    static final String CLIENT_SECRET = "webui-client-secret-for-tests";
    private static final Path DIR = Path.of("target", "oidc-provider").toAbsolutePath();

    static int servicePort;
    static int providerPort;
    private static Process node;

    @Override
    public Map<String, String> start() {
        try {
            install();
            providerPort = TestRedis.freePort();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not install oidc-provider: " + e.getMessage(), e);
        }
        return Map.ofEntries(
                Map.entry("OAUTH_CLIENT_ID", CLIENT_ID),
                Map.entry("OAUTH_CLIENT_SECRET", CLIENT_SECRET),
                Map.entry("OPENID_PROVIDER_URL", "http://localhost:" + providerPort + "/.well-known/openid-configuration"),
                Map.entry("OAUTH_SCOPES", "openid email profile roles groups"),
                Map.entry("ENABLE_OAUTH_SIGNUP", "true"),
                Map.entry("OAUTH_MERGE_ACCOUNTS_BY_EMAIL", "true"),
                Map.entry("ENABLE_OAUTH_ROLE_MANAGEMENT", "true"),
                Map.entry("ENABLE_OAUTH_GROUP_MANAGEMENT", "true"));
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        try (InputStream script = OidcTestProvider.class.getResourceAsStream("/oidc/provider.mjs")) {
            Files.copy(script, DIR.resolve("provider.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.exists(DIR.resolve("node_modules/oidc-provider/package.json"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "install", "--prefix", DIR.toString(), "--no-audit", "--no-fund", "oidc-provider@9.13.3")
                .redirectErrorStream(true).redirectOutput(DIR.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm install oidc-provider failed; see " + DIR.resolve("npm.log"));
        }
    }

    /** Starts the provider for a service listening on {@code port} (once per test class). */
    static synchronized void ensureRunning(int port) {
        if (node != null && node.isAlive()) {
            return;
        }
        servicePort = port;
        String redirect = "http://127.0.0.1:" + port + "/oauth/oidc/login/callback";
        try {
            node = new ProcessBuilder("node", DIR.resolve("provider.mjs").toString(), Integer.toString(providerPort), CLIENT_ID, CLIENT_SECRET, redirect)
                    .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(DIR.resolve("provider.log").toFile()).start();
            awaitPort(providerPort);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start oidc-provider: " + e.getMessage(), e);
        }
    }

    private static void awaitPort(int port) throws IOException {
        try {
            await("oidc-provider listening").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!node.isAlive()) {
                    throw new IllegalStateException("oidc-provider exited: " + Files.readString(DIR.resolve("provider.log")));
                }
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("oidc-provider did not start: " + Files.readString(DIR.resolve("provider.log")), e);
        }
    }

    @Override
    public void stop() {
        stopNode();
    }

    private static synchronized void stopNode() {
        if (node != null) {
            node.destroy();
            try {
                node.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            node.destroyForcibly();
            node = null;
        }
    }
}
