package dev.webui.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What `docker compose up --scale` relies on, short of a Docker engine: the gateway rendered the
 * container's way names every service by its compose name and re-resolves it through Docker's DNS,
 * on an nginx whose open-source upstreams can do that (1.27.3 or newer); local mode lists replicas.
 */
class GatewayTemplateTest {
    private static final Map<String, String> UPSTREAM_OF_BLOCK = Map.of(
            "api_service", "api-service:8080", "auth_service", "auth-service:8082",
            "file_service", "file-service:8083", "socketio_bridge", "socketio-bridge:8081");

    @TempDir
    Path work;

    @Test
    void inTheContainerEveryUpstreamIsANameReResolvedThroughDockerDns() throws Exception {
        String dockerfile = Files.readString(Repo.file("frontend/nginx/Dockerfile"));
        Matcher base = Pattern.compile("(?m)^FROM nginx:(\\d+)\\.(\\d+)").matcher(dockerfile);
        assertTrue(base.find(), dockerfile);
        int major = Integer.parseInt(base.group(1));
        int minor = Integer.parseInt(base.group(2));
        assertTrue(major > 1 || minor >= 28, "open-source nginx re-resolves upstream names from 1.27.3 on (stable 1.28): " + base.group());
        assertTrue(dockerfile.contains("GATEWAY_RESOLVER=auto"), "the image asks the engine's DNS (Docker's 127.0.0.11, Podman's aardvark-dns)");

        String conf = render(Map.of("GATEWAY_RESOLVER", "127.0.0.11"));
        assertTrue(conf.contains("resolver 127.0.0.11 valid=10s"), conf);
        for (Map.Entry<String, String> block : UPSTREAM_OF_BLOCK.entrySet()) {
            String upstream = upstreamBlock(conf, block.getKey());
            assertTrue(upstream.contains("zone " + block.getKey()), "resolve needs a shared zone: " + upstream);
            assertEquals(List.of("server " + block.getValue() + " resolve max_fails=0;"), serverLines(upstream));
        }
    }

    @Test
    void autoAsksTheNameServerOfResolvConf() throws Exception {
        String nameserver = Files.readAllLines(Path.of("/etc/resolv.conf")).stream()
                .map(String::trim).filter(line -> line.startsWith("nameserver")).map(line -> line.split("\\s+")[1])
                .findFirst().orElseThrow();
        String conf = render(Map.of("GATEWAY_RESOLVER", "auto"));
        assertTrue(conf.contains("resolver " + (nameserver.contains(":") ? "[" + nameserver + "]" : nameserver) + " valid=10s"), conf);
    }

    @Test
    void anNginxOlderThan1273ResolvesTheNamesAtEachReload() throws Exception {
        // the nginx image names its version in NGINX_VERSION; 1.22 refuses `resolve` on a server line
        String conf = render(Map.of("GATEWAY_RESOLVER", "127.0.0.11", "NGINX_VERSION", "1.22.1"));
        assertEquals(List.of("server api-service:8080 max_fails=1 fail_timeout=5s;"), serverLines(upstreamBlock(conf, "api_service")));
        String current = render(Map.of("GATEWAY_RESOLVER", "127.0.0.11", "NGINX_VERSION", "1.28.0"));
        assertEquals(List.of("server api-service:8080 resolve max_fails=0;"), serverLines(upstreamBlock(current, "api_service")));
    }

    @Test
    void inLocalModeEveryReplicaIsListed() throws Exception {
        String conf = render(Map.of("API_UPSTREAM", "127.0.0.1:18080,127.0.0.1:18180", "SOCKET_UPSTREAM", "127.0.0.1:18081,127.0.0.1:18181"));
        assertTrue(conf.contains("# no resolver"), conf);
        assertEquals(List.of("server 127.0.0.1:18080 max_fails=1 fail_timeout=5s;", "server 127.0.0.1:18180 max_fails=1 fail_timeout=5s;"),
                serverLines(upstreamBlock(conf, "api_service")));
        assertEquals(2, serverLines(upstreamBlock(conf, "socketio_bridge")).size());
    }

    private String render(Map<String, String> env) throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v envsubst").start().waitFor() != 0 && "root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("apt-get", "install", "-y", "-qq", "gettext-base").inheritIO().start().waitFor(); // what setup --local installs
        }
        Path output = work.resolve("gateway.conf");
        ProcessBuilder builder = new ProcessBuilder("sh", Repo.file("frontend/nginx/render-gateway.sh").toString(),
                Repo.file("frontend/nginx/gateway.conf.template").toString(), output.toString()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String messages = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), messages);
        return Files.readString(output);
    }

    private static String upstreamBlock(String conf, String name) {
        Matcher block = Pattern.compile("upstream " + name + " \\{([^}]*)}").matcher(conf);
        assertTrue(block.find(), "upstream " + name + " in " + conf);
        return block.group(1);
    }

    private static List<String> serverLines(String block) {
        return block.lines().map(String::strip).filter(line -> line.startsWith("server ")).toList();
    }
}
