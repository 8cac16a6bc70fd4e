package dev.webui.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.webui.ops.YamlDocs.at;
import static dev.webui.ops.YamlDocs.list;
import static dev.webui.ops.YamlDocs.string;

/** The HTTP probes of the Kubernetes workloads, with named ports resolved to numbers. */
final class ProbeTargets {
    record Probe(String workload, String kind, int port, String path) {
    }

    private ProbeTargets() {
    }

    static int port(Map<String, Object> container, String probe) {
        Object port = at(container, probe, "httpGet", "port");
        if (port instanceof Integer number) {
            return number;
        }
        return list(container, "ports").stream()
                .filter(p -> String.valueOf(port).equals(String.valueOf(map(p).get("name"))))
                .map(p -> (Integer) at(p, "containerPort"))
                .findFirst().orElseThrow(() -> new AssertionError("probe port '" + port + "' is not a named port"));
    }

    /** Every probe of every service Deployment. */
    static List<Probe> ofServices(List<Map<String, Object>> objects) {
        List<Probe> probes = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            if (!"Deployment".equals(o.get("kind")) || !Layout.SERVICES.contains(string(o, "metadata", "name"))) {
                continue;
            }
            Map<String, Object> container = KubernetesManifestTest.container(o);
            for (String kind : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                probes.add(new Probe(string(o, "metadata", "name"), kind, port(container, kind), string(container, kind, "httpGet", "path")));
            }
        }
        return probes;
    }

    private static Map<String, Object> map(Object node) {
        return YamlDocs.asMap(node, "port");
    }
}
