package dev.webui.auth.access;

import dev.webui.auth.Api;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.webui.auth.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the service, called as anonymous, pending, user and admin: the callers in the
 * allowed set get past authorisation (never 401/403), everyone else gets exactly the contract's
 * refusal (no token: 403 "Not authenticated"; too low a role: 401). Each call gets fresh callers
 * and fresh targets, so sign-outs and deletions cannot influence other rows.
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class AccessMatrixTest {
    private static final Set<String> PUBLIC = Set.of("anonymous", "pending", "user", "admin");
    private static final Set<String> ANY = Set.of("pending", "user", "admin");
    private static final Set<String> VERIFIED = Set.of("user", "admin");
    private static final Set<String> ADMIN = Set.of("admin");

    private record Endpoint(String method, String path, Object body, Set<String> allowed) {
    }

    private static final Object NONE = null;

    private static List<Endpoint> endpoints() {
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET", "/api/v1/auths/", NONE, ANY));
        e.add(new Endpoint("POST", "/api/v1/auths/signup", Map.of("name", "x", "email", "bad", "password", "p"), PUBLIC));
        e.add(new Endpoint("POST", "/api/v1/auths/signin", Map.of("email", "nobody@example.com", "password", "p"), PUBLIC));
        e.add(new Endpoint("GET", "/api/v1/auths/signout", NONE, PUBLIC));
        e.add(new Endpoint("POST", "/api/v1/auths/ldap", Map.of("user", "u", "password", "p"), PUBLIC));
        e.add(new Endpoint("POST", "/api/v1/auths/update/profile", Map.of("name", "New"), VERIFIED));
        e.add(new Endpoint("POST", "/api/v1/auths/update/password", Map.of("password", "wrong", "new_password", "n"), ANY));
        e.add(new Endpoint("POST", "/api/v1/auths/add", Map.of("name", "x", "email", "bad", "password", "p"), ADMIN));
        e.add(new Endpoint("GET", "/api/v1/auths/admin/details", NONE, ANY));
        e.add(new Endpoint("GET", "/api/v1/auths/admin/config", NONE, ADMIN));
        e.add(new Endpoint("POST", "/api/v1/auths/admin/config", Map.of(), ADMIN));
        e.add(new Endpoint("GET", "/api/v1/auths/admin/config/ldap", NONE, ADMIN));
        e.add(new Endpoint("POST", "/api/v1/auths/admin/config/ldap", Map.of("enable_ldap", false), ADMIN));
        e.add(new Endpoint("GET", "/api/v1/auths/admin/config/ldap/server", NONE, ADMIN));
        e.add(new Endpoint("GET", "/api/v1/auths/api_key", NONE, ANY));
        e.add(new Endpoint("POST", "/api/v1/auths/api_key", NONE, ANY));
        e.add(new Endpoint("DELETE", "/api/v1/auths/api_key", NONE, ANY));
        e.add(new Endpoint("GET", "/api/v1/users/", NONE, ADMIN));
        e.add(new Endpoint("GET", "/api/v1/users/all", NONE, ADMIN));
        e.add(new Endpoint("GET", "/api/v1/users/search?query=a", NONE, VERIFIED));
        e.add(new Endpoint("GET", "/api/v1/users/active", NONE, VERIFIED));
        e.add(new Endpoint("GET", "/api/v1/users/default/permissions", NONE, ADMIN));
        e.add(new Endpoint("POST", "/api/v1/users/default/permissions", Map.of(), ADMIN));
        e.add(new Endpoint("GET", "/api/v1/users/permissions", NONE, VERIFIED));
        e.add(new Endpoint("GET", "/api/v1/users/groups", NONE, VERIFIED));
        e.add(new Endpoint("GET", "/api/v1/users/user/settings", NONE, VERIFIED));
        e.add(new Endpoint("POST", "/api/v1/users/user/settings/update", Map.of("ui", Map.of()), VERIFIED));
        e.add(new Endpoint("GET", "/api/v1/users/user/info", NONE, VERIFIED));
        e.add(new Endpoint("POST", "/api/v1/users/user/info/update", Map.of("k", "v"), VERIFIED));
        e.add(new Endpoint("POST", "/api/v1/users/update/role", Map.of("id", "{user}", "role", "user"), ADMIN));
        e.add(new Endpoint("GET", "/api/v1/users/{user}", NONE, VERIFIED));
        e.add(new Endpoint("GET", "/api/v1/users/{user}/active", NONE, VERIFIED));
        e.add(new Endpoint("GET", "/api/v1/users/{user}/profile/image", NONE, VERIFIED));
        e.add(new Endpoint("GET", "/api/v1/users/{user}/groups", NONE, ADMIN));
        e.add(new Endpoint("POST", "/api/v1/users/{user}/update", Map.of("role", "user", "name", "n", "email", "{email}"), ADMIN));
        e.add(new Endpoint("DELETE", "/api/v1/users/{user}", NONE, ADMIN));
        e.add(new Endpoint("GET", "/api/v1/groups/", NONE, VERIFIED));
        e.add(new Endpoint("POST", "/api/v1/groups/create", Map.of("name", "g"), ADMIN));
        e.add(new Endpoint("GET", "/api/v1/groups/id/{group}", NONE, ADMIN));
        e.add(new Endpoint("POST", "/api/v1/groups/id/{group}/update", Map.of("name", "g2"), ADMIN));
        e.add(new Endpoint("DELETE", "/api/v1/groups/id/{group}/delete", NONE, ADMIN));
        return e;
    }

    @Test
    void everyEndpointAllowsExactlyItsCallers() {
        Api.admin();
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String caller : PUBLIC) {
                TestUsers.TestUser target = TestUsers.create("user");
                String group = UUID.randomUUID().toString();
                TestUsers.execute("INSERT INTO \"group\" (id, name, created_at, updated_at) VALUES (?, 'g', 0, 0)", group);
                String path = endpoint.path().replace("{user}", target.id()).replace("{group}", group);
                Object body = endpoint.body() == null ? null : substitute(endpoint.body(), target);
                RequestSpecification request = caller.equals("anonymous") ? Api.anonymous() : as(TestUsers.create(caller).token());
                if (body != null) {
                    request.body(body);
                }
                Response r = request.request(endpoint.method(), path);
                int status = r.statusCode();
                String call = caller + " " + endpoint.method() + " " + endpoint.path() + " -> " + status + " " + r.asString();
                if (status >= 500) {
                    problems.add(call);
                } else if (endpoint.allowed().contains(caller)) {
                    if (status == 401 || status == 403) {
                        problems.add("refused: " + call);
                    }
                } else {
                    int expected = caller.equals("anonymous") ? 403 : 401;
                    if (status != expected) {
                        problems.add("expected " + expected + ": " + call);
                    } else if (caller.equals("anonymous") && !"Not authenticated".equals(r.path("detail"))) {
                        problems.add("detail: " + call);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @SuppressWarnings("unchecked")
    private static Object substitute(Object body, TestUsers.TestUser target) {
        Map<String, Object> copy = new java.util.HashMap<>((Map<String, Object>) body);
        copy.replaceAll((k, v) -> v instanceof String s ? s.replace("{user}", target.id()).replace("{email}", target.email()) : v);
        return copy;
    }

    @Test
    void anotherUsersDataIsNeverReachable() {
        Api.Session alice = Api.newAccount("user");
        Api.Session bob = Api.newAccount("user");
        String aliceKey = as(alice.token()).post("/api/v1/auths/api_key").path("api_key");
        as(alice.token()).body(Map.of("ui", Map.of("secret", "alice"))).post("/api/v1/users/user/settings/update").then().statusCode(200);
        as(alice.token()).body(Map.of("secret", "alice")).post("/api/v1/users/user/info/update").then().statusCode(200);

        as(bob.token()).get("/api/v1/auths/api_key").then().statusCode(404);
        as(bob.token()).delete("/api/v1/auths/api_key").then().statusCode(200);
        as(bob.token()).get("/api/v1/users/user/settings").then().body(equalTo("null"));
        as(bob.token()).get("/api/v1/users/user/info").then().body(equalTo("null"));
        as(bob.token()).get("/api/v1/users/" + alice.id()).then().statusCode(200)
                .body("email", equalTo(null)).body("settings", equalTo(null));
        as(bob.token()).body(Map.of("role", "admin", "name", "x", "email", alice.email())).post("/api/v1/users/" + alice.id() + "/update")
                .then().statusCode(401);
        as(bob.token()).delete("/api/v1/users/" + alice.id()).then().statusCode(401);
        as(bob.token()).get("/api/v1/users/" + alice.id() + "/groups").then().statusCode(401);

        // bob's own writes never touch alice
        as(bob.token()).post("/api/v1/auths/api_key").then().statusCode(200);
        as(alice.token()).get("/api/v1/auths/api_key").then().body("api_key", equalTo(aliceKey));
        as(aliceKey).get("/api/v1/auths/").then().statusCode(200).body("id", equalTo(alice.id()));
        as(alice.token()).get("/api/v1/users/user/settings").then().body("ui.secret", equalTo("alice"));
        assertEquals("alice", Api.queryOne("SELECT info->>'secret' FROM \"user\" WHERE id = ?", alice.id()));
    }
}
