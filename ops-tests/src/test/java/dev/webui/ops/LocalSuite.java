package dev.webui.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole suite in local mode, started with docker-manage.sh as a user would, on free ports, with a
 * database, role, Redis prefix and state directory of its own, pointed at a fake OpenAI upstream.
 * Replicas are asked for with the *_REPLICAS variables; instance i of a service listens on its base
 * port + (i-1) * 100.
 */
final class LocalSuite implements AutoCloseable {
    static final Duration START = Duration.ofSeconds(240);
    static final Duration QUICK = Duration.ofSeconds(60);
    private static final int STEP = 100;
    static final List<String> PORT_VARIABLES =
            List.of("API_PORT", "AUTH_PORT", "FILES_PORT", "BRIDGE_SOCKET_PORT", "BRIDGE_HTTP_PORT", "WEBUI_PORT");

    final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String database = "ops_suite_" + suffix;
    final Path work;
    final ManageScript script;
    private final Map<String, Integer> ports;
    private final int apiReplicas;
    private final int bridgeReplicas;

    private LocalSuite(FakeOpenAi upstream, int apiReplicas, int bridgeReplicas) throws IOException {
        this.apiReplicas = apiReplicas;
        this.bridgeReplicas = bridgeReplicas;
        work = Files.createTempDirectory("ops-suite");
        ports = freePorts(Math.max(apiReplicas, bridgeReplicas), PORT_VARIABLES);
        Map<String, String> env = localEnvironment(work, ports, database, "ops-suite-" + suffix);
        env.put("START_TIMEOUT", String.valueOf(START.toSeconds() - 30));
        env.put("API_REPLICAS", String.valueOf(apiReplicas));
        env.put("BRIDGE_REPLICAS", String.valueOf(bridgeReplicas));
        env.put("OPENAI_API_BASE_URLS", upstream.baseUrl());
        env.put("OPENAI_API_KEYS", FakeOpenAi.KEY);
        script = new ManageScript(env);
    }

    /** setup --local, then start --local: returns once docker-manage.sh says every instance is ready. */
    static LocalSuite start(FakeOpenAi upstream, int apiReplicas, int bridgeReplicas) throws Exception {
        LocalSuite suite = new LocalSuite(upstream, apiReplicas, bridgeReplicas);
        try {
            ManageScript.Result setup = suite.script.run(Duration.ofMinutes(5), "setup", "--local");
            assertEquals(0, setup.exit(), setup.toString());
            ManageScript.Result start = suite.script.run(START, "start", "--local");
            assertEquals(0, start.exit(), start.toString());
        } catch (Throwable failed) {
            suite.close();
            throw failed;
        }
        return suite;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("WEBUI_PORT");
    }

    /** The HTTP address of instance i (1-based) of api-service, straight, without the gateway. */
    String apiInstanceUrl(int i) {
        return "http://127.0.0.1:" + (ports.get("API_PORT") + (i - 1) * STEP);
    }

    /** The socket address of instance i (1-based) of the bridge, straight, without the gateway. */
    String bridgeInstanceUrl(int i) {
        return "http://127.0.0.1:" + (ports.get("BRIDGE_SOCKET_PORT") + (i - 1) * STEP);
    }

    int apiReplicas() {
        return apiReplicas;
    }

    int bridgeReplicas() {
        return bridgeReplicas;
    }

    Path log(String name) {
        return work.resolve("run/logs/" + name + ".log");
    }

    /** stop --local, then the pids of this run that are still alive (expected: none). */
    List<String> stopAndListLeftovers() throws IOException {
        ManageScript.Result stop = script.run(QUICK, "stop", "--local");
        assertEquals(0, stop.exit(), stop.toString());
        return Processes.mentioning(work.toString());
    }

    @Override
    public void close() throws Exception {
        script.run(QUICK, "stop", "--local");
        // the services' and the gateway's logs outlive the run, for whoever reads a failure
        Path kept = Repo.file("ops-tests/target/suite-logs/" + database);
        if (Files.isDirectory(work.resolve("run/logs"))) {
            Files.createDirectories(kept.getParent());
            Processes.exec(List.of("cp", "-r", work.resolve("run/logs").toString(), kept.toString()));
        }
        PgAdmin.dropDatabaseAndRole(database);
        Processes.exec(List.of("sh", "-c", "redis-cli --scan --pattern 'ops-suite-" + suffix + "*' | xargs -r redis-cli del > /dev/null"));
        Processes.exec(List.of("rm", "-rf", work.toString()));
    }

    /** docker-manage.sh's environment for local mode in its own state folder, database and Redis key prefix. */
    static Map<String, String> localEnvironment(Path work, Map<String, Integer> ports, String database, String redisPrefix) {
        Map<String, String> env = DockerManageScriptTest.withIsolatedState(work);
        ports.forEach((name, port) -> env.put(name, port.toString()));
        env.put("POSTGRES_DB", database);
        env.put("POSTGRES_USER", database);
        env.put("LOCAL_POSTGRES_HOST", PgAdmin.HOST);
        env.put("LOCAL_POSTGRES_PORT", PgAdmin.PORT);
        env.put("LOCAL_PG_ADMIN", PgAdmin.USER);
        env.put("REDIS_URL", "redis://127.0.0.1:6379/0");
        env.put("REDIS_KEY_PREFIX", redisPrefix);
        return env;
    }

    /** A distinct free base port per name, with base + k * 100 free too for every further replica k. */
    static Map<String, Integer> freePorts(int replicas, List<String> names) throws IOException {
        while (true) {
            Map<String, Integer> picked = new HashMap<>();
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (String name : names) {
                    ServerSocket socket = new ServerSocket(0);
                    held.add(socket);
                    picked.put(name, socket.getLocalPort());
                }
            } finally {
                for (ServerSocket socket : held) {
                    socket.close();
                }
            }
            if (replicasFit(picked, replicas)) {
                return picked;
            }
        }
    }

    private static boolean replicasFit(Map<String, Integer> picked, int replicas) {
        Set<Integer> all = new HashSet<>();
        for (int base : picked.values()) {
            for (int k = 0; k < replicas; k++) {
                int port = base + k * STEP;
                if (port > 65535 || !all.add(port) || (k > 0 && listening(port))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
