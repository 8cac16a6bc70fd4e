package dev.webui.ops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/parity.md against the code: every endpoint of the stock UI it marks implemented is declared
 * by the class it names and routed to that service by the gateway; every other row is a refusal
 * that says what the UI gets; the socket events it marks implemented are registered or emitted by
 * the classes it names. A failure names each wrong row.
 */
class ParityListTest {
    private static final Pattern ENDPOINT = Pattern.compile("^\\| (GET|POST|PUT|DELETE|PATCH) \\| `([^`]+)` \\| [^|]+ \\| (.+) \\|$");
    private static final Pattern EVENT = Pattern.compile("^\\| `([^`]+)`[^|]* \\| ((?:implemented|refused|missing) — .+) \\|$");
    private static final Pattern IMPLEMENTED = Pattern.compile("^implemented — ([a-z-]+) `(\\w+)`.*");
    private static final Pattern REFUSED = Pattern.compile("^refused — .*\\b[1-5]\\d\\d\\b.*");
    private static final Pattern ANSWERED_BY = Pattern.compile("\\(([a-z-]+) `(\\w+)`\\)$");
    private static final Pattern LOCATION = Pattern.compile("location\\s+(=\\s*)?(\\S+)\\s*\\{\\s*proxy_pass http://(\\w+);");
    private static final Map<String, String> UPSTREAMS = Map.of("api_service", "api-service", "auth_service", "auth-service",
            "file_service", "file-service");

    private static ServiceRoutes routes;
    private static List<String> page;
    private static List<Location> locations;

    private record Location(boolean exact, String path, String module) {
    }

    @BeforeAll
    static void read() throws IOException {
        routes = new ServiceRoutes(Repo.root());
        page = Files.readAllLines(Repo.file("docs/parity.md"));
        locations = new ArrayList<>();
        Matcher location = LOCATION.matcher(Files.readString(Repo.file("frontend/nginx/gateway.conf.template")));
        while (location.find()) {
            if (UPSTREAMS.containsKey(location.group(3))) {
                locations.add(new Location(location.group(1) != null, location.group(2), UPSTREAMS.get(location.group(3))));
            }
        }
    }

    @Test
    void theScannerFindsJaxRsAndVertxRoutesAndNothingElse() {
        ServiceRoutes.Source files = routes.find("file-service", "FileResource");
        assertTrue(ServiceRoutes.declares(files, "GET", "/api/v1/files/{id}/content/html"));
        assertTrue(ServiceRoutes.declares(files, "POST", "/api/v1/files/"), "class @Path joined to method @Path(\"/\")");
        assertFalse(ServiceRoutes.declares(files, "POST", "/api/v1/files/{id}/content/html"), "the method counts");
        assertFalse(ServiceRoutes.declares(files, "GET", "/api/v1/files/{id}/nothing"));
        ServiceRoutes.Source completions = routes.find("api-service", "CompletionRoutes");
        assertTrue(ServiceRoutes.declares(completions, "POST", "/api/chat/completions"), "a Vert.x route");
        assertFalse(ServiceRoutes.declares(completions, "POST", "/api/chat/completed"));
        assertTrue(ServiceRoutes.declares(routes.find("api-service", "OllamaStreamRoutes"), "POST", "/ollama/api/pull/{url_idx}"),
                "a Vert.x path built from constants");
        assertEquals(List.of(), ServiceRoutes.jaxRs(routes.find("file-service", "OpenAiEmbeddingsApi")), "a REST client is no route");
        assertEquals("file-service", routedTo("/api/v1/files/x/content/html"));
        assertEquals("api-service", routedTo("/manifest.json"));
        assertEquals("the web app", routedTo("/manifest.jsonx"));
    }

    @Test
    void everyEndpointIsImplementedWhereThePageSaysOrADocumentedRefusal() {
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int rows = 0;
        for (String line : page) {
            Matcher row = ENDPOINT.matcher(line);
            if (!row.matches()) {
                continue;
            }
            rows++;
            String method = row.group(1);
            String path = row.group(2);
            String status = row.group(3).trim();
            if (!seen.add(method + " " + path)) {
                wrong.add("listed twice: " + line);
            }
            Matcher implemented = IMPLEMENTED.matcher(status);
            Matcher answeredBy = ANSWERED_BY.matcher(status);
            if (implemented.matches()) {
                check(wrong, line, implemented.group(1), implemented.group(2), method, path);
            } else if (REFUSED.matcher(status).matches()) {
                if (answeredBy.find()) {
                    check(wrong, line, answeredBy.group(1), answeredBy.group(2), method, path);
                }
            } else {
                wrong.add("neither implemented nor a refusal with the status the UI gets: " + line);
            }
        }
        assertTrue(rows >= 250, "the page's endpoint tables were read: " + rows + " rows");
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    @Test
    void everySocketEventIsHandledOrEmittedWhereThePageSays() {
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        boolean inSocketPart = false;
        for (String line : page) {
            inSocketPart |= line.startsWith("## Socket.IO");
            Matcher row = EVENT.matcher(line);
            if (!inSocketPart || !row.matches()) {
                continue;
            }
            rows++;
            String event = row.group(1);
            String status = row.group(2);
            Matcher implemented = IMPLEMENTED.matcher(status);
            if (implemented.matches()) {
                ServiceRoutes.Source source = routes.find(implemented.group(1), implemented.group(2));
                // a name made per request (<user_id>:<session_id>:<request_id>) is no literal: the class must listen
                // for events by a name it is given
                boolean found = source != null && (event.startsWith("connect") ? source.code().contains("addConnectListener")
                        : event.equals("disconnect") ? source.code().contains("addDisconnectListener")
                        : event.startsWith("<") ? source.code().contains("addEventListener(") || source.code().contains("addEventInterceptor(")
                        : source.literals().contains(event));
                if (!found) {
                    wrong.add("no such event in the class named: " + line);
                }
            } else if (!REFUSED.matcher(status).matches()) {
                wrong.add("neither handled nor a refusal with its answer: " + line);
            }
        }
        assertTrue(rows >= 25, "the page's socket tables were read: " + rows + " rows");
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    private static void check(List<String> wrong, String line, String module, String className, String method, String path) {
        ServiceRoutes.Source source = routes.find(module, className);
        if (source == null) {
            wrong.add("no class " + className + " in " + module + ": " + line);
        } else if (!ServiceRoutes.declares(source, method, path)) {
            wrong.add("no route " + method + " " + path + " in " + className + ": " + line);
        }
        String routed = routedTo(path);
        if (!module.equals(routed)) {
            wrong.add("the gateway sends " + path + " to " + routed + ", not " + module + ": " + line);
        }
    }

    /** The service nginx picks for the path: an exact location, else the longest prefix. */
    private static String routedTo(String path) {
        return locations.stream().filter(l -> l.exact() && l.path().equals(path)).findFirst()
                .or(() -> locations.stream().filter(l -> !l.exact() && path.startsWith(l.path()))
                        .max(Comparator.comparingInt(l -> l.path().length())))
                .map(Location::module).orElse("the web app");
    }
}
