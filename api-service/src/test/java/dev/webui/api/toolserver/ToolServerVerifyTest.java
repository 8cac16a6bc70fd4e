package dev.webui.api.toolserver;

import com.sun.net.httpserver.HttpServer;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** POST /api/v1/configs/tool_servers/verify against a real HTTP server standing in for a tool server. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ToolServerVerifyTest {
    private static final String KEY = "tool-key";
    private static HttpServer tools;
    private static String url;

    @BeforeAll
    static void startToolServer() throws IOException {
        tools = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tools.createContext("/api/openapi.json", exchange -> {
            boolean authorized = ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (authorized ? "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"Weather\"}, \"paths\": {}}"
                    : "{\"detail\": \"no\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tools.createContext("/html", exchange -> {
            byte[] body = "<html>hi</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tools.start();
        url = "http://127.0.0.1:" + tools.getAddress().getPort();
    }

    @AfterAll
    static void stopToolServer() {
        tools.stop(0);
    }

    @Test
    void anOpenApiServerIsFetchedWithItsKey() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).body(Map.of("url", url + "/api/", "path", "/openapi.json", "type", "openapi", "auth_type", "bearer", "key", KEY))
                .post("/api/v1/configs/tool_servers/verify").then().statusCode(200)
                .body("openapi", equalTo("3.1.0")).body("info.title", equalTo("Weather"));
        as(admin).body(Map.of("url", url, "path", url + "/api/openapi.json", "key", KEY))
                .post("/api/v1/configs/tool_servers/verify").then().statusCode(200).body("info.title", equalTo("Weather"));
    }

    @Test
    void failuresAreA400ThatSaysWhatWentWrong() throws IOException {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        as(admin).body(Map.of("url", url + "/api", "key", "wrong")).post("/api/v1/configs/tool_servers/verify").then()
                .statusCode(400).body("detail", allOf(containsString(url + "/api/openapi.json"), containsString("401")));
        as(admin).body(Map.of("url", url, "path", "html")).post("/api/v1/configs/tool_servers/verify").then()
                .statusCode(400).body("detail", containsString("OpenAPI"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        as(admin).body(Map.of("url", "http://127.0.0.1:" + closed)).post("/api/v1/configs/tool_servers/verify").then()
                .statusCode(400).body("detail", containsString("Failed to connect"));
        as(admin).body(Map.of("url", url, "type", "mcp")).post("/api/v1/configs/tool_servers/verify").then()
                .statusCode(400).body("detail", containsString("Failed to connect to the MCP server at " + url));
        as(admin).body(Map.of("path", "openapi.json")).post("/api/v1/configs/tool_servers/verify").then()
                .statusCode(400).body("detail", containsString("url"));
        as(admin).body("[]").post("/api/v1/configs/tool_servers/verify").then().statusCode(400);
    }

    @Test
    void onlyAdminsMayVerify() {
        as(TestUsers.create(Roles.USER)).body(Map.of("url", url + "/api", "key", KEY))
                .post("/api/v1/configs/tool_servers/verify").then().statusCode(401);
    }
}
