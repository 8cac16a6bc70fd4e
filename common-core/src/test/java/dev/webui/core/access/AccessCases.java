package dev.webui.core.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of access cases in {@code access-cases.json}, read by every implementation's test
 * (common reads it from common-core's test-jar, the frontend from the source tree).
 */
public record AccessCases(List<Case> cases) {
    public static final String RESOURCE = "dev/webui/core/access/access-cases.json";

    public record Case(String name, JsonNode accessControl, String owner, String caller, List<String> groups, boolean bypass,
                       boolean read, boolean write) {
        public boolean expected(AccessMode mode) {
            return mode == AccessMode.READ ? read : write;
        }

        public Caller asCaller() {
            return Caller.of(caller, groups, bypass);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static AccessCases fromClasspath() throws IOException {
        try (InputStream in = AccessCases.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return parse(new ObjectMapper().readTree(in));
        }
    }

    private static AccessCases parse(JsonNode root) {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            List<String> groups = new ArrayList<>();
            c.path("groups").forEach(g -> groups.add(g.asText()));
            cases.add(new Case(c.path("name").asText(), c.get("access_control"), c.path("owner").textValue(),
                    c.path("caller").asText(), groups, c.path("bypass").asBoolean(), c.path("read").asBoolean(),
                    c.path("write").asBoolean()));
        }
        return new AccessCases(cases);
    }
}
