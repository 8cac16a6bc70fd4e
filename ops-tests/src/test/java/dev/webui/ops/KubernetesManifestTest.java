package dev.webui.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.webui.ops.YamlDocs.at;
import static dev.webui.ops.YamlDocs.list;
import static dev.webui.ops.YamlDocs.map;
import static dev.webui.ops.YamlDocs.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/kubernetes: every manifest parses and routes, probes, resources and secrets fit the suite. */
class KubernetesManifestTest {
    static final Path DIR = Repo.file("deploy/kubernetes");
    private final List<Map<String, Object>> objects = loadAll();

    static List<Map<String, Object>> loadAll() {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    all.addAll(YamlDocs.readAll(file));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    Map<String, Object> object(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(string(o, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static Map<String, Object> container(Map<String, Object> workload) {
        return map(list(workload, "spec", "template", "spec", "containers"), 0);
    }

    @Test
    void everyManifestIsAKubernetesObjectAndTheKustomizationListsThemAll() throws IOException {
        for (Map<String, Object> o : objects) {
            assertNotNull(o.get("apiVersion"), "apiVersion in " + o);
            assertNotNull(o.get("kind"), "kind in " + o);
            assertFalse(string(o, "metadata", "name").isBlank());
        }
        Map<String, Object> kustomization = YamlDocs.read(DIR.resolve("kustomization.yaml"));
        Set<String> listed = new HashSet<>(list(kustomization, "resources").stream().map(String::valueOf).toList());
        Set<String> present = new HashSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml")).forEach(present::add);
        }
        present.removeAll(Set.of("kustomization.yaml", "migrate-job.yaml")); // the Job is applied (and awaited) first
        assertEquals(present, listed);
    }

    @Test
    void everyServiceHasADeploymentAndAServiceOnItsPorts() {
        for (String name : Layout.SERVICES) {
            Map<String, Object> deployment = object("Deployment", name);
            Map<String, Object> service = object("Service", name);
            Map<String, Object> labels = map(deployment, "spec", "template", "metadata", "labels");
            map(deployment, "spec", "selector", "matchLabels").forEach((k, v) -> assertEquals(v, labels.get(k), name + " selects its own pods"));
            map(service, "spec", "selector").forEach((k, v) -> assertEquals(v, labels.get(k), name + " Service selects its pods"));
            Set<Object> containerPorts = new HashSet<>();
            for (Object port : list(container(deployment), "ports")) {
                containerPorts.add(at(port, "containerPort"));
            }
            assertTrue(containerPorts.contains(Layout.HTTP_PORT.get(name)), name + " declares " + Layout.HTTP_PORT.get(name));
            List<Object> servicePorts = list(service, "spec", "ports").stream().map(p -> at(p, "port")).toList();
            assertTrue(servicePorts.contains(Layout.routedPort(name)), name + " Service offers " + Layout.routedPort(name));
        }
        assertTrue(list(container(object("Deployment", "socketio-bridge")), "ports").stream()
                .anyMatch(p -> Integer.valueOf(Layout.BRIDGE_SOCKET_PORT).equals(at(p, "containerPort"))));
    }

    @Test
    void probesUseTheHealthEndpointsOnTheHttpPort() {
        for (String name : Layout.SERVICES) {
            Map<String, Object> c = container(object("Deployment", name));
            assertEquals(Layout.HTTP_PORT.get(name), ProbeTargets.port(c, "readinessProbe"), name);
            assertEquals("/q/health/started", string(c, "startupProbe", "httpGet", "path"), name);
            assertEquals("/q/health/live", string(c, "livenessProbe", "httpGet", "path"), name);
            assertEquals("/q/health/ready", string(c, "readinessProbe", "httpGet", "path"), name);
            assertEquals(Layout.HTTP_PORT.get(name), ProbeTargets.port(c, "livenessProbe"), name);
            assertEquals(Layout.HTTP_PORT.get(name), ProbeTargets.port(c, "startupProbe"), name);
        }
    }

    @Test
    void workloadsHaveResourcesAndRunAsNonRoot() {
        for (String name : Layout.SERVICES) {
            Map<String, Object> deployment = object("Deployment", name);
            Map<String, Object> c = container(deployment);
            for (String kind : List.of("requests", "limits")) {
                assertNotNull(at(c, "resources", kind, "cpu"), name + " cpu " + kind);
                assertNotNull(at(c, "resources", kind, "memory"), name + " memory " + kind);
            }
            assertEquals(true, at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"), name);
            assertEquals(1001, at(deployment, "spec", "template", "spec", "securityContext", "runAsUser"), name + " matches quarkus.jib.user");
            assertEquals(false, at(c, "securityContext", "allowPrivilegeEscalation"), name);
        }
        Map<String, Object> frontend = container(object("Deployment", "frontend"));
        assertNotNull(at(frontend, "resources", "limits", "memory"));
    }

    @Test
    void apiServiceScalesHorizontally() {
        Map<String, Object> hpa = object("HorizontalPodAutoscaler", "api-service");
        assertEquals("autoscaling/v2", hpa.get("apiVersion"));
        assertEquals("Deployment", string(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals("api-service", string(hpa, "spec", "scaleTargetRef", "name"));
        assertTrue((Integer) at(hpa, "spec", "minReplicas") >= 2);
        assertTrue((Integer) at(hpa, "spec", "maxReplicas") > (Integer) at(hpa, "spec", "minReplicas"));
        assertNotNull(at(object("Deployment", "api-service"), "spec", "template", "spec", "containers", 0, "resources", "requests", "cpu"),
                "CPU utilisation needs a CPU request");
    }

    @Test
    void theIngressRoutesLikeTheGateway() {
        Map<String, Object> ingress = object("Ingress", "open-webui");
        List<Object> paths = list(ingress, "spec", "rules", 0, "http", "paths");
        for (Map.Entry<String, String> route : Layout.ROUTES.entrySet()) {
            Object backend = longestPrefix(paths, route.getKey().replaceFirst("\\?.*", ""));
            assertEquals(route.getValue(), string(backend, "service", "name"), route.getKey());
            assertEquals(Layout.routedPort(route.getValue()), at(backend, "service", "port", "number"), route.getKey());
        }
        assertEquals("frontend", string(longestPrefix(paths, "/c/some-chat"), "service", "name"), "the web app gets the rest");
        Map<String, Object> annotations = map(ingress, "metadata", "annotations");
        assertTrue(Integer.parseInt(string(annotations, "nginx.ingress.kubernetes.io/proxy-read-timeout")) >= 3600, "long-lived sockets");
        assertTrue(Integer.parseInt(string(annotations, "nginx.ingress.kubernetes.io/proxy-send-timeout")) >= 3600);
        assertEquals("socketio-bridge", string(annotations, "nginx.ingress.kubernetes.io/websocket-services"));
        assertEquals("off", string(annotations, "nginx.ingress.kubernetes.io/proxy-buffering"), "streamed completions");
    }

    @Test
    void secretsComeFromAGeneratedSecretThatEveryServiceReads() throws IOException {
        assertGenerated("secretGenerator", "webui-secrets", "secrets.env");
        assertEquals(Set.of("WEBUI_SECRET_KEY", "DATABASE_URL", "REDIS_URL"),
                EnvFile.read(DIR.resolve("secrets.env.example")).keySet());
        assertTrue(Files.readString(Repo.file(".gitignore")).contains("deploy/kubernetes/secrets.env"), "the filled-in secrets stay out of git");
        for (String name : Layout.SERVICES) {
            assertTrue(envSources(name).stream().anyMatch(s -> s.contains("webui-secrets")), name + " reads the Secret");
            assertTrue(envSources(name).stream().anyMatch(s -> s.contains("webui-config")), name + " reads the ConfigMap");
        }
    }

    /** kustomization.yaml's first entry of a generator makes the named object from that env file. */
    private static void assertGenerated(String generatorKind, String name, String envFile) {
        Map<String, Object> generator = map(list(YamlDocs.read(DIR.resolve("kustomization.yaml")), generatorKind), 0);
        assertEquals(name, string(generator, "name"));
        assertEquals(List.of(envFile), list(generator, "envs"));
    }

    /** The envFrom entries of a service's Deployment, as text. */
    private List<String> envSources(String deployment) {
        return list(container(object("Deployment", deployment)), "envFrom").stream().map(ref -> String.valueOf(ref)).toList();
    }

    @Test
    void jvmSettingsLiveInOneFileThatKubernetesComposeAndLocalModeRead() throws IOException {
        assertGenerated("configMapGenerator", "webui-jvm", "jvm.env");
        String options = EnvFile.read(DIR.resolve("jvm.env")).get("JDK_JAVA_OPTIONS");
        assertNotNull(options, "jvm.env sets JDK_JAVA_OPTIONS");
        assertTrue(options.contains("-Xmx") && options.contains("-XX:+ExitOnOutOfMemoryError"), options);
        for (String name : Layout.SERVICES) {
            assertTrue(envSources(name).stream().anyMatch(s -> s.contains("webui-jvm")), name + " reads the JVM settings");
        }
        assertTrue(Files.readString(Repo.file("docker-compose.yaml")).contains("env_file: [deploy/kubernetes/jvm.env]"),
                "compose's services read the same file");
        assertTrue(Files.readString(Repo.file("deploy/manage/local.sh")).contains("deploy/kubernetes/jvm.env"),
                "local mode reads the same file");
    }

    @Test
    void theMigrationJobRunsTheMigrationsAlone() {
        Map<String, Object> job = object("Job", "webui-migrate");
        Map<String, Object> c = container(job);
        assertTrue(string(c, "image").startsWith("open-webui-java/api-service:"));
        assertEquals("Never", string(job, "spec", "template", "spec", "restartPolicy"));
        Map<Object, Object> env = new java.util.HashMap<>();
        list(c, "env").forEach(e -> env.put(at(e, "name"), at(e, "value")));
        assertEquals("true", env.get("WEBUI_MIGRATE_ONLY"));
        assertTrue(Files.exists(Repo.file("common/src/main/java/dev/webui/common/db/MigrateOnly.java")));
    }

    /** ingress-nginx's Prefix matching: the longest matching path wins, on whole path segments. */
    static Object longestPrefix(List<Object> paths, String request) {
        return paths.stream()
                .filter(p -> {
                    String prefix = string(p, "path");
                    return prefix.equals("/") || request.equals(prefix) || request.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
                })
                .max(Comparator.comparingInt(p -> string(p, "path").length()))
                .map(p -> at(p, "backend"))
                .orElseThrow(() -> new AssertionError("no Ingress path matches " + request));
    }
}
