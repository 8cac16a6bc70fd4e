package dev.webui.api.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tool servers end to end below the completion loop: the admin's TOOL_SERVER_CONNECTIONS saved
 * through the API, an OpenAPI server of the test's own on loopback and the MCP reference server
 * from npm, reached through {@link ToolCatalog} as the loop reaches them.
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ToolServersTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static FakeToolServer openapi;
    private static EverythingMcpServer mcp;
    private static EverythingMcpServer mcpSse;
    private static TestUser admin;
    private static TestUser granted;
    private static TestUser other;

    @Inject
    ToolCatalog catalog;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startServers() throws Exception {
        openapi = new FakeToolServer();
        mcp = new EverythingMcpServer(false);
        mcpSse = new EverythingMcpServer(true);
    }

    /** Saves the servers through the admin API once (RestAssured knows the test port only once tests run). */
    @BeforeEach
    void configureServersOnce() throws Exception {
        if (admin != null) {
            return;
        }
        admin = TestUsers.create(Roles.ADMIN);
        granted = TestUsers.create(Roles.USER);
        other = TestUsers.create(Roles.USER);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String privateAccess = "{\"read\": {\"group_ids\": [], \"user_ids\": [\"" + granted.id() + "\"]}, \"write\": {\"group_ids\": [], \"user_ids\": []}}";
        String connections = "[" + String.join(",",
                server(openapi.url(), "bearer", "key-1", "pub", true, "null", ""),
                server(openapi.url(), "bearer", "key-2", "private", true, privateAccess, ""),
                server(openapi.url(), "session", "", "sess", true, "null", ""),
                server(openapi.url(), "none", "", "off", false, "null", ""),
                server(openapi.url(), "system_oauth", "", "oauth", true, "null", ""),
                server("http://127.0.0.1:" + closed, "none", "", "gone", true, "null",
                        ", \"spec_type\": \"json\", \"spec\": " + new ObjectMapper().valueToTree(FakeToolServer.DOCUMENT)),
                "{\"type\": \"mcp\", \"url\": \"" + mcp.url() + "\", \"path\": \"\", \"auth_type\": \"none\", \"key\": \"\","
                        + " \"config\": {\"enable\": true, \"access_control\": null},"
                        + " \"info\": {\"id\": \"everything\", \"name\": \"Everything\", \"description\": \"MCP reference server\"}}",
                "{\"type\": \"mcp\", \"url\": \"" + mcpSse.url() + "\", \"auth_type\": \"none\", \"config\": {\"enable\": true},"
                        + " \"info\": {\"id\": \"sse\"}}")
                + "]";
        as(admin).body("{\"TOOL_SERVER_CONNECTIONS\": " + connections + "}").post("/api/v1/configs/tool_servers").then().statusCode(200);
    }

    private static String server(String url, String auth, String key, String id, boolean enabled, String access, String extra) {
        return "{\"type\": \"openapi\", \"url\": \"" + url + "\", \"path\": \"openapi.json\", \"auth_type\": \"" + auth
                + "\", \"key\": \"" + key + "\", \"config\": {\"enable\": " + enabled + ", \"access_control\": " + access + "},"
                + " \"info\": {\"id\": \"" + id + "\", \"name\": \"Server " + id + "\", \"description\": \"\"}" + extra + "}";
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (openapi != null) {
            openapi.close();
        }
        if (mcp != null) {
            mcp.close();
        }
        if (mcpSse != null) {
            mcpSse.close();
        }
    }

    private Map<String, ToolFunction> functions(TestUser user, String... toolIds) {
        AuthenticatedUser caller = new AuthenticatedUser(user.id(), "Tester", user.email(), user.role(), null);
        return catalog.functions(new ToolRequest(caller, "Bearer " + user.token(), List.of(toolIds))).await().atMost(WAIT)
                .stream().collect(Collectors.toMap(ToolFunction::name, Function.identity()));
    }

    private ToolResult call(ToolFunction function, TestUser user, String arguments, Duration timeout) throws Exception {
        AuthenticatedUser caller = new AuthenticatedUser(user.id(), "Tester", user.email(), user.role(), null);
        return function.call((ObjectNode) mapper.readTree(arguments), new ToolCall(caller, "Bearer " + user.token(), timeout))
                .await().atMost(WAIT);
    }

    @Test
    void anOpenApiServerGivesOneFunctionPerOperation() {
        Map<String, ToolFunction> functions = functions(other, "server:pub");
        assertEquals(java.util.Set.of("getItem", "createItem", "putBatch", "alwaysFails", "neverAnswers"), functions.keySet());
        ToolFunction get = functions.get("getItem");
        assertEquals("server:pub", get.toolId());
        assertEquals("getItem", get.spec().path("name").asText());
        assertEquals("string", get.spec().at("/parameters/properties/id/type").asText());
        assertEquals(java.util.Set.of("getItem"), functions(other, "server:pub|getItem").keySet(), "a |name list keeps only those");
    }

    @Test
    void argumentsGoToThePathQueryHeadersAndBody() throws Exception {
        Map<String, ToolFunction> functions = functions(other, "server:pub");
        ToolResult got = call(functions.get("getItem"), other,
                "{\"id\": \"a b/c\", \"q\": \"red & blue\", \"tags\": [\"x\", \"y\"], \"X-Trace\": \"t-1\"}", WAIT);
        assertFalse(got.error(), got.text());
        JsonNode echo = mapper.readTree(got.text());
        assertEquals("GET", echo.path("method").asText());
        assertEquals("/items/a%20b%2Fc", echo.path("path").asText());
        assertEquals("red & blue", echo.path("q").asText());
        assertEquals(List.of("x", "y"), List.of(echo.at("/tags/0").asText(), echo.at("/tags/1").asText()));
        assertEquals("t-1", echo.path("trace").asText());
        assertEquals("Bearer key-1", echo.path("authorization").asText());

        ToolResult created = call(functions.get("createItem"), other,
                "{\"name\": \"lamp\", \"count\": 2, \"owner\": {\"email\": \"o@x\"}, \"dry_run\": true}", WAIT);
        JsonNode createdEcho = mapper.readTree(created.text());
        assertEquals("POST", createdEcho.path("method").asText());
        assertEquals("dry_run=true", createdEcho.path("query").asText());
        assertEquals(mapper.readTree("{\"name\": \"lamp\", \"count\": 2, \"owner\": {\"email\": \"o@x\"}}"),
                mapper.readTree(createdEcho.path("body").asText()), "the body holds the body's properties, not the query's");

        ToolResult batch = call(functions.get("putBatch"), other, "{\"body\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}", WAIT);
        assertEquals("[{\"name\":\"a\"},{\"name\":\"b\"}]", mapper.readTree(batch.text()).path("body").asText());
    }

    @Test
    void failuresAreErrorResultsTheModelCanRead() throws Exception {
        Map<String, ToolFunction> functions = functions(other, "server:pub", "server:gone");
        ToolResult failed = call(functions.get("alwaysFails"), other, "{}", WAIT);
        assertTrue(failed.error());
        assertTrue(failed.text().contains("HTTP error 500") && failed.text().contains("the warehouse is on fire"), failed.text());

        ToolResult slow = call(functions.get("neverAnswers"), other, "{}", Duration.ofSeconds(1));
        assertTrue(slow.error());
        assertTrue(slow.text().contains("did not answer within 1 seconds"), slow.text());

        ToolFunction unreachable = functions.get("gone_getItem");
        assertNotNull(unreachable, "the same operation on a second server is renamed <server id>_<operationId>: " + functions.keySet());
        assertEquals("server:gone", unreachable.toolId());
        ToolResult down = call(unreachable, other, "{\"id\": \"1\"}", WAIT);
        assertTrue(down.error());
        assertTrue(down.text().contains("could not be reached"), down.text());
    }

    @Test
    void privateServersOnlyGiveFunctionsToThoseGranted() {
        assertTrue(functions(other, "server:private").isEmpty());
        assertFalse(functions(granted, "server:private").isEmpty());
        assertFalse(functions(admin, "server:private").isEmpty(), "admins pass with BYPASS_ADMIN_ACCESS_CONTROL");
        assertTrue(functions(admin, "server:off", "server:oauth", "server:nope", "plain_python_tool").isEmpty(),
                "disabled servers, OAuth servers, unknown ids and Python tools give nothing");
    }

    @Test
    void sessionServersReceiveTheCallersToken() throws Exception {
        ToolResult got = call(functions(granted, "server:sess").get("getItem"), granted, "{\"id\": \"1\"}", WAIT);
        assertEquals("Bearer " + granted.token(), mapper.readTree(got.text()).path("authorization").asText());
    }

    @Test
    void mcpToolsAreListedAndCalledAndSurviveARestart() throws Exception {
        Map<String, ToolFunction> functions = functions(other, "server:mcp:everything");
        assertTrue(functions.keySet().containsAll(List.of("everything_echo", "everything_get-sum", "everything_get-structured-content")),
                functions.keySet().toString());
        ToolFunction echo = functions.get("everything_echo");
        assertEquals("server:mcp:everything", echo.toolId());
        assertEquals("everything_echo", echo.spec().path("name").asText());
        assertTrue(echo.spec().at("/parameters/properties/message").isObject(), echo.spec().toString());

        ToolResult echoed = call(echo, other, "{\"message\": \"hello tools\"}", WAIT);
        assertFalse(echoed.error(), echoed.text());
        assertTrue(echoed.text().contains("hello tools"), echoed.text());

        ToolResult weather = call(functions.get("everything_get-structured-content"), other, "{\"location\": \"Chicago\"}", WAIT);
        assertEquals(36, weather.structured().path("temperature").asInt(), String.valueOf(weather.structured()));
        assertTrue(weather.text().contains("drizzle"), weather.text());

        ToolResult refused = call(functions.get("everything_get-sum"), other, "{\"a\": \"not a number\"}", WAIT);
        assertTrue(refused.error(), refused.text());

        mcp.stop();
        ToolResult whileDown = call(echo, other, "{\"message\": \"anyone?\"}", WAIT);
        assertTrue(whileDown.error(), whileDown.text());
        assertTrue(whileDown.text().contains("could not be called"), whileDown.text());
        mcp.start();
        ToolResult afterRestart = call(echo, other, "{\"message\": \"back again\"}", WAIT);
        assertFalse(afterRestart.error(), afterRestart.text());
        assertTrue(afterRestart.text().contains("back again"), afterRestart.text());
        assertTrue(functions(other, "server:mcp:everything").containsKey("everything_get-sum"));
    }

    @Test
    void theToolsListShowsTheServersAUserMayUse() {
        as(other).get("/api/v1/tools/").then().statusCode(200)
                .body("id", hasItems("server:pub", "server:sess", "server:mcp:everything"))
                .body("id", not(hasItem("server:private")))
                .body("id", not(hasItem("server:off")))
                .body("find { it.id == 'server:pub' }.name", org.hamcrest.Matchers.equalTo("Server pub"))
                .body("find { it.id == 'server:pub' }.user_id", org.hamcrest.Matchers.equalTo("server:pub"))
                .body("find { it.id == 'server:mcp:everything' }.meta.description", org.hamcrest.Matchers.equalTo("MCP reference server"));
        as(granted).get("/api/v1/tools/").then().statusCode(200).body("id", hasItem("server:private"));
    }

    @Test
    void pythonCodeIsRefusedWithA400ThatPointsToToolServers() {
        as(admin).body("{\"id\": \"my_tool\", \"name\": \"My tool\", \"content\": \"class Tools: pass\", \"meta\": {\"description\": \"\"}}")
                .post("/api/v1/tools/create").then().statusCode(400)
                .body("detail", containsString("Python")).body("detail", containsString("OpenAPI"))
                .body("detail", containsString("MCP"));
    }


    @Test
    void importedToolsAreReadDeletedAndKeepValvesByTheAccessRule() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser reader = TestUsers.create(Roles.USER);
        TestUser stranger = TestUsers.create(Roles.USER);
        String id = "tool_" + owner.id().replace("-", "");
        TestUsers.execute("INSERT INTO tool (id, user_id, name, content, specs, meta, access_control, created_at, updated_at) "
                + "VALUES (?, ?, 'Weather', 'class Tools:\n  class UserValves: pass', '[{\"name\": \"forecast\"}]', '{\"description\": \"d\"}', "
                + "?::jsonb, 1, 1)", id, owner.id(),
                "{\"read\": {\"group_ids\": [], \"user_ids\": [\"" + reader.id() + "\"]}, \"write\": {\"group_ids\": [], \"user_ids\": []}}");

        as(reader).get("/api/v1/tools/id/" + id).then().statusCode(200).body("content", containsString("UserValves"))
                .body("specs[0].name", org.hamcrest.Matchers.equalTo("forecast")).body("user_id", org.hamcrest.Matchers.equalTo(owner.id()));
        as(stranger).get("/api/v1/tools/id/" + id).then().statusCode(404);
        as(reader).get("/api/v1/tools/").then().body("find { it.id == '" + id + "' }.has_user_valves", org.hamcrest.Matchers.equalTo(true));

        as(reader).body("{\"api_key\": \"x\"}").post("/api/v1/tools/id/" + id + "/valves/update").then().statusCode(401);
        as(owner).body("{\"api_key\": \"secret\", \"unit\": null}").post("/api/v1/tools/id/" + id + "/valves/update").then()
                .statusCode(200).body("api_key", org.hamcrest.Matchers.equalTo("secret")).body("$", not(org.hamcrest.Matchers.hasKey("unit")));
        as(owner).get("/api/v1/tools/id/" + id + "/valves").then().statusCode(200).body("api_key", org.hamcrest.Matchers.equalTo("secret"));
        as(reader).get("/api/v1/tools/id/" + id + "/valves").then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals("null", as(owner).get("/api/v1/tools/id/" + id + "/valves/spec").then()
                .statusCode(200).extract().asString().trim());
        as(owner).body("[1]").post("/api/v1/tools/id/" + id + "/valves/update").then().statusCode(400);

        as(reader).body("{\"city\": \"Oslo\"}").post("/api/v1/tools/id/" + id + "/valves/user/update").then().statusCode(200);
        as(reader).get("/api/v1/tools/id/" + id + "/valves/user").then().statusCode(200).body("city", org.hamcrest.Matchers.equalTo("Oslo"));
        as(owner).get("/api/v1/tools/id/" + id + "/valves/user").then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("city")));
        as(stranger).body("{\"city\": \"Oslo\"}").post("/api/v1/tools/id/" + id + "/valves/user/update").then().statusCode(404);

        as(owner).body("{\"id\": \"" + id + "\", \"name\": \"W\", \"content\": \"x\", \"meta\": {}}")
                .post("/api/v1/tools/id/" + id + "/update").then().statusCode(400).body("detail", containsString("Python"));
        as(stranger).body("{}").post("/api/v1/tools/id/" + id + "/update").then().statusCode(404);
        as(reader).delete("/api/v1/tools/id/" + id + "/delete").then().statusCode(401);
        as(owner).delete("/api/v1/tools/id/" + id + "/delete").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("true"));
        as(owner).get("/api/v1/tools/id/" + id).then().statusCode(404);
        as(owner).get("/api/v1/tools/export").then().statusCode(401);
        as(admin).get("/api/v1/tools/export").then().statusCode(200);
    }

    @Test
    void functionsAreToggledAndKeepValvesForAdmins() {
        TestUser user = TestUsers.create(Roles.USER);
        String id = "fn_" + user.id().replace("-", "");
        TestUsers.execute("INSERT INTO function (id, user_id, name, type, content, valves, created_at, updated_at) "
                + "VALUES (?, ?, 'Filter', 'filter', 'class Filter: pass', '{\"level\": 2}', 1, 1)", id, admin.id());
        as(user).get("/api/v1/functions/id/" + id).then().statusCode(401);
        as(user).post("/api/v1/functions/id/" + id + "/toggle").then().statusCode(401);
        as(admin).get("/api/v1/functions/id/" + id).then().statusCode(200).body("content", org.hamcrest.Matchers.equalTo("class Filter: pass"))
                .body("is_active", org.hamcrest.Matchers.equalTo(false));
        as(admin).post("/api/v1/functions/id/" + id + "/toggle").then().statusCode(200).body("is_active", org.hamcrest.Matchers.equalTo(true));
        as(admin).post("/api/v1/functions/id/" + id + "/toggle/global").then().statusCode(200)
                .body("is_global", org.hamcrest.Matchers.equalTo(true)).body("is_active", org.hamcrest.Matchers.equalTo(true));
        as(admin).post("/api/v1/functions/id/nope/toggle").then().statusCode(404);
        as(admin).get("/api/v1/functions/id/" + id + "/valves").then().statusCode(200).body("level", org.hamcrest.Matchers.equalTo(2));
        as(admin).body("{\"level\": 3}").post("/api/v1/functions/id/" + id + "/valves/update").then().statusCode(200);
        as(admin).get("/api/v1/functions/export?include_valves=true").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.valves.level", org.hamcrest.Matchers.equalTo(3));
        as(user).body("{\"mine\": true}").post("/api/v1/functions/id/" + id + "/valves/user/update").then().statusCode(200);
        as(user).get("/api/v1/functions/id/" + id + "/valves/user").then().statusCode(200).body("mine", org.hamcrest.Matchers.equalTo(true));
        for (String path : List.of("/create", "/load/url", "/sync")) {
            as(admin).body("{\"id\": \"x\", \"name\": \"x\", \"content\": \"x\", \"meta\": {}, \"url\": \"http://x\"}")
                    .post("/api/v1/functions" + path).then().statusCode(400).body("detail", containsString("MCP"));
        }
        as(admin).delete("/api/v1/functions/id/" + id + "/delete").then().statusCode(200);
        as(admin).get("/api/v1/functions/id/" + id).then().statusCode(404);
    }

    @Test
    void mcpServersOverSseWorkToo() throws Exception {
        ToolFunction echo = functions(other, "server:mcp:sse").get("sse_echo");
        assertNotNull(echo);
        ToolResult echoed = call(echo, other, "{\"message\": \"over sse\"}", WAIT);
        assertFalse(echoed.error(), echoed.text());
        assertTrue(echoed.text().contains("over sse"), echoed.text());
    }

    @Test
    void anMcpConnectionIsVerifiedByListingItsTools() {
        as(admin).body("{\"type\": \"mcp\", \"url\": \"" + mcp.url() + "\", \"path\": \"\", \"auth_type\": \"none\", \"key\": \"\", \"config\": {}}")
                .post("/api/v1/configs/tool_servers/verify").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(true)).body("specs.name", hasItems("echo", "get-sum"))
                .body("specs.find { it.name == 'echo' }.parameters.properties.message", org.hamcrest.Matchers.notNullValue());
        as(admin).body("{\"type\": \"mcp\", \"url\": \"" + mcp.url() + "\", \"auth_type\": \"oauth_2.1\"}")
                .post("/api/v1/configs/tool_servers/verify").then().statusCode(400).body("detail", containsString("oauth_2.1"));
    }
}
