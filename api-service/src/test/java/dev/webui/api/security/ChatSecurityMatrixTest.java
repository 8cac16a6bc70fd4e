package dev.webui.api.security;

import dev.webui.api.support.Chats;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each per-chat endpoint as anonymous (403), pending (401), another user (404), admin, and the
 * owner (200). Admins may read any chat (ENABLE_ADMIN_CHAT_ACCESS) but never change another's.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ChatSecurityMatrixTest {
    record Call(String method, String path, Object body, boolean adminMayRead) {
    }

    private static List<Call> calls(String id) {
        Map<String, Object> tag = Map.of("name", "t");
        return List.of(
                new Call("GET", "/api/v1/chats/" + id, null, true),
                new Call("POST", "/api/v1/chats/" + id, Map.of("chat", Map.of("title", "hijack")), false),
                new Call("GET", "/api/v1/chats/" + id + "/pinned", null, false),
                new Call("POST", "/api/v1/chats/" + id + "/pin", null, false),
                new Call("POST", "/api/v1/chats/" + id + "/archive", null, false),
                new Call("GET", "/api/v1/chats/" + id + "/tags", null, false),
                new Call("POST", "/api/v1/chats/" + id + "/tags", tag, false),
                new Call("DELETE", "/api/v1/chats/" + id + "/tags", tag, false),
                new Call("DELETE", "/api/v1/chats/" + id + "/tags/all", null, false),
                new Call("POST", "/api/v1/chats/" + id + "/clone", Map.of(), false),
                new Call("POST", "/api/v1/chats/" + id + "/share", null, false),
                new Call("DELETE", "/api/v1/chats/" + id + "/share", null, false),
                new Call("POST", "/api/v1/chats/" + id + "/folder", java.util.Collections.singletonMap("folder_id", null), false),
                new Call("POST", "/api/v1/chats/" + id + "/messages/m0", Map.of("content", "x"), false),
                new Call("DELETE", "/api/v1/chats/" + id, null, false));
    }

    private static Response send(TestUser caller, Call call) {
        var spec = caller == null ? anonymous() : as(caller);
        if (call.body() != null) {
            spec = spec.body(call.body());
        }
        return spec.request(call.method(), call.path());
    }

    @Test
    void everyPerChatEndpointChecksTheOwner() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        TestUser pending = TestUsers.create(Roles.PENDING);
        TestUser admin = TestUsers.create(Roles.ADMIN);
        String id = Chats.create(owner, "private", 2);
        BiFunction<TestUser, Call, Integer> status = (caller, call) -> send(caller, call).statusCode();
        for (Call call : calls(id)) {
            String what = call.method() + " " + call.path();
            assertEquals(403, status.apply(null, call), "anonymous " + what);
            assertEquals(401, status.apply(pending, call), "pending " + what);
            assertEquals(404, status.apply(other, call), "other user " + what);
            assertEquals(call.adminMayRead() ? 200 : 404, status.apply(admin, call), "admin " + what);
        }
        as(owner).get("/api/v1/chats/" + id).then().statusCode(200).body("title", org.hamcrest.Matchers.equalTo("private"));
        for (Call call : calls(id)) {
            assertEquals(200, status.apply(owner, call), "owner " + call.method() + " " + call.path());
        }
    }

    @Test
    void listsOnlyEverShowTheCallersChats() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        String id = Chats.create(owner, "mine alone", 1);
        for (String path : List.of("/api/v1/chats/", "/api/v1/chats/all", "/api/v1/chats/pinned", "/api/v1/chats/archived",
                "/api/v1/chats/search?text=mine")) {
            String body = as(other).get(path).then().statusCode(200).extract().asString();
            assertTrue(!body.contains(id), path);
        }
        as(other).delete("/api/v1/chats/").then().statusCode(200);
        as(owner).get("/api/v1/chats/" + id).then().statusCode(200);
        as(other).get("/api/v1/chats/list/user/" + owner.id()).then().statusCode(401);
        as(TestUsers.create(Roles.ADMIN)).get("/api/v1/chats/list/user/" + owner.id()).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(id));
        as(other).get("/api/v1/chats/all/db").then().statusCode(401);
    }

    @Test
    void aUserWithoutTheDeletePermissionCannotDelete() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        String id = Chats.create(user, "keep", 0);
        as(admin).body("{\"config\": {\"version\": 0, \"ui\": {}, \"user\": {\"permissions\": {\"chat\": {\"delete\": false}}}}}")
                .post("/api/v1/configs/import").then().statusCode(200);
        try {
            as(user).delete("/api/v1/chats/" + id).then().statusCode(401);
            as(user).delete("/api/v1/chats/").then().statusCode(401);
            as(user).get("/api/v1/chats/" + id).then().statusCode(200);
        } finally {
            as(admin).body("{\"config\": {\"version\": 0, \"ui\": {}}}").post("/api/v1/configs/import").then().statusCode(200);
        }
    }

    @Test
    void oversizedBodiesAreRefusedWith413AndADetail() throws Exception {
        TestUser user = TestUsers.create(Roles.USER);
        int port = io.restassured.RestAssured.port;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/chats/new HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + user.token()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{\"chat\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while (!received.toString().contains("}") && (n = in.read(buffer)) > 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String response = received.toString();
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"detail\":\"Request body too large"), response);
        }
    }
}
