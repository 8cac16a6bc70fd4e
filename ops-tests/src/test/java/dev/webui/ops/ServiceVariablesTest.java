package dev.webui.ops;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.webui.ops.YamlDocs.at;
import static dev.webui.ops.YamlDocs.list;
import static dev.webui.ops.YamlDocs.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every variable a service cannot start without is set by compose and by the Kubernetes manifests. */
class ServiceVariablesTest {
    private final Map<String, Boolean> variables = ServiceVariables.scan(Repo.root());

    @Test
    void theScannerTellsRequiredFromDefaulted() {
        Map<String, Boolean> found = new HashMap<>();
        ServiceVariables.readJava("""
                @WithName("A_REQUIRED") String a();
                @WithName("B_DEFAULTED")
                @WithDefault("x") String b();
                @WithName("C_OPTIONAL") Optional<String> c();
                X(@ConfigProperty(name = "D_REQUIRED") int d, @ConfigProperty(name = "E_DEFAULTED", defaultValue = "1") int e,
                  @ConfigProperty(name = "F_OPTIONAL") Optional<String> f)
                """, found);
        ServiceVariables.readProperties("a=${G_REQUIRED}\nb=${H_DEFAULTED:true}\n", found);
        assertEquals(Map.of("A_REQUIRED", true, "B_DEFAULTED", false, "C_OPTIONAL", false, "D_REQUIRED", true,
                "E_DEFAULTED", false, "F_OPTIONAL", false, "G_REQUIRED", true, "H_DEFAULTED", false), found);
    }

    @Test
    void theServicesSourcesAreScanned() {
        assertEquals(false, variables.get("JWT_EXPIRES_IN"), "defaulted in CoreConfig");
        assertEquals(false, variables.get("ENABLE_API_DOCS"), "defaulted in microprofile-config.properties");
        assertEquals(true, variables.get("WEBUI_SECRET_KEY"));
        assertEquals(true, variables.get("DATABASE_URL"));
    }

    @Test
    void composeSetsEveryRequiredVariableForEveryService() {
        Map<String, Object> services = map(YamlDocs.read(Repo.file("docker-compose.yaml")), "services");
        for (String service : Layout.SERVICES) {
            Set<String> set = map(services, service, "environment").keySet();
            assertTrue(set.containsAll(required()), service + " lacks " + missing(required(), set));
        }
    }

    @Test
    void kubernetesSetsEveryRequiredVariableForEveryService() {
        List<Map<String, Object>> objects = KubernetesManifestTest.loadAll();
        Set<String> shared = new HashSet<>(EnvFile.read(KubernetesManifestTest.DIR.resolve("secrets.env.example")).keySet());
        objects.stream().filter(o -> "ConfigMap".equals(o.get("kind"))).forEach(o -> shared.addAll(map(o, "data").keySet()));
        for (Map<String, Object> o : objects) {
            if (!"Deployment".equals(o.get("kind")) && !"Job".equals(o.get("kind"))) {
                continue;
            }
            Map<String, Object> container = KubernetesManifestTest.container(o);
            if (!container.containsKey("envFrom")) {
                continue; // the frontend: nginx, no service variables
            }
            Set<String> set = new HashSet<>(shared);
            if (container.containsKey("env")) {
                list(container, "env").forEach(e -> set.add(String.valueOf(at(e, "name"))));
            }
            assertTrue(set.containsAll(required()), at(o, "metadata", "name") + " lacks " + missing(required(), set));
        }
    }

    private Set<String> required() {
        Set<String> required = new HashSet<>();
        variables.forEach((name, isRequired) -> {
            if (isRequired) {
                required.add(name);
            }
        });
        return required;
    }

    private static Set<String> missing(Set<String> required, Set<String> set) {
        Set<String> missing = new HashSet<>(required);
        missing.removeAll(set);
        return missing;
    }
}
