package dev.webui.auth.user;

import dev.webui.auth.Api;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.webui.auth.Api.PASSWORD;
import static dev.webui.auth.Api.anonymous;
import static dev.webui.auth.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class UsersTest {
    static final Set<String> USER = Set.of("id", "name", "email", "role", "profile_image_url", "bio", "gender", "date_of_birth",
            "info", "settings", "oauth_sub", "last_active_at", "updated_at", "created_at");

    private static String admin() {
        return Api.admin().token();
    }

    @Test
    void adminListPagesSearchesAndOrders() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 33; i++) {
            TestUsers.execute("INSERT INTO \"user\" (id, name, email, role, created_at, updated_at, last_active_at) VALUES (?, ?, ?, 'user', ?, ?, ?)",
                    UUID.randomUUID().toString(), String.format("Listed %s %02d", tag, i), "listed" + i + "-" + tag + "@example.com",
                    1000L + i, 1000L + i, 1000L + i);
        }
        Response first = as(admin()).get("/api/v1/users/?page=1&query=" + tag + "&order_by=name&direction=asc");
        first.then().statusCode(200).body("total", equalTo(33)).body("users.size()", equalTo(30))
                .body("users[0].name", equalTo("Listed " + tag + " 00")).body("users[29].name", equalTo("Listed " + tag + " 29"));
        Map<String, Object> item = first.jsonPath().getMap("users[0]");
        Set<String> expected = new java.util.HashSet<>(USER);
        expected.add("group_ids");
        assertEquals(expected, item.keySet());
        as(admin()).get("/api/v1/users/?page=2&query=" + tag + "&order_by=name&direction=asc").then()
                .body("users.size()", equalTo(3)).body("users[2].name", equalTo("Listed " + tag + " 32"));
        as(admin()).get("/api/v1/users/?page=1&query=" + tag.toUpperCase() + "&order_by=created_at&direction=desc").then()
                .body("users[0].name", equalTo("Listed " + tag + " 32"));
        as(admin()).get("/api/v1/users/?query=listed5-" + tag).then().body("total", equalTo(1));
        as(admin()).get("/api/v1/users/?page=3&query=" + tag).then().statusCode(200).body("users.size()", equalTo(0));
        as(admin()).get("/api/v1/users/?query=%25").then().body("total", equalTo(0));
        as(admin()).get("/api/v1/users/?order_by=password").then().statusCode(400).body("detail", containsString("order_by"));
        as(admin()).get("/api/v1/users/?page=0").then().statusCode(400);
        as(admin()).get("/api/v1/users/?page=x").then().statusCode(400).body("detail", containsString("page"));
        as(admin()).get("/api/v1/users/all").then().statusCode(200).body("users.size()", equalTo(as(admin()).get("/api/v1/users/all").path("total")));
    }

    @Test
    void listShowsGroupIds() {
        Api.Session member = Api.newAccount("user");
        String group = as(admin()).body(Map.of("name", "G", "description", "", "user_ids", List.of(member.id())))
                .post("/api/v1/groups/create").then().statusCode(200).extract().path("id");
        as(admin()).get("/api/v1/users/?query=" + member.email()).then().body("users[0].group_ids", equalTo(List.of(group)));
    }

    @Test
    void searchShowsOnlyWhatAMentionNeeds() {
        Api.Session user = Api.newAccount("user");
        Response r = as(user.token()).get("/api/v1/users/search?query=Primary");
        r.then().statusCode(200).body("total", equalTo(1)).body("users[0].name", equalTo("Primary Admin"));
        assertEquals(Set.of("id", "name", "profile_image_url"), r.jsonPath().getMap("users[0]").keySet());
    }

    @Test
    void publicInfoAndSharedChatOwner() {
        Api.Session user = Api.newAccount("user");
        Api.Session other = Api.newAccount("user");
        Response r = as(other.token()).get("/api/v1/users/" + user.id());
        r.then().statusCode(200).body("name", equalTo("Someone")).body("profile_image_url", equalTo("/user.png")).body("active", equalTo(true));
        assertEquals(Set.of("name", "profile_image_url", "active"), r.jsonPath().getMap("$").keySet());
        String chat = UUID.randomUUID().toString();
        TestUsers.execute("INSERT INTO chat (id, user_id, title, created_at, updated_at) VALUES (?, ?, 'c', 0, 0)", chat, user.id());
        as(other.token()).get("/api/v1/users/shared-" + chat).then().statusCode(404); // not shared: the owner stays unnamed
        as(user.token()).get("/api/v1/users/shared-" + chat).then().statusCode(200).body("name", equalTo("Someone"));
        TestUsers.execute("UPDATE chat SET share_id = ? WHERE id = ?", UUID.randomUUID().toString(), chat);
        as(other.token()).get("/api/v1/users/shared-" + chat).then().statusCode(200).body("name", equalTo("Someone"));
        as(other.token()).get("/api/v1/users/shared-" + UUID.randomUUID()).then().statusCode(404);
        as(other.token()).get("/api/v1/users/" + UUID.randomUUID()).then().statusCode(404);
        TestUsers.execute("UPDATE \"user\" SET last_active_at = 0 WHERE id = ?", user.id());
        as(other.token()).get("/api/v1/users/" + user.id() + "/active").then().body("active", equalTo(false));
        as(other.token()).get("/api/v1/users/active").then().body("user_ids", not(hasItem(user.id()))).body("user_ids", hasItem(other.id()));
    }

    @Test
    void adminUpdatesRoleNameEmailAndPassword() {
        Api.Session target = Api.newAccount();
        Response r = as(admin()).body(Map.of("role", "user", "name", "Renamed", "email", "Renamed-" + target.email(), "password", "fresh-pass"))
                .post("/api/v1/users/" + target.id() + "/update");
        r.then().statusCode(200).body("role", equalTo("user")).body("name", equalTo("Renamed"))
                .body("email", equalTo(("renamed-" + target.email()).toLowerCase()));
        assertEquals(USER, r.jsonPath().getMap("$").keySet());
        // the old token sees the new role at once (caches dropped)
        as(target.token()).get("/api/v1/users/user/settings").then().statusCode(200);
        Api.signIn("renamed-" + target.email(), "fresh-pass").then().statusCode(200);
        Api.signIn("renamed-" + target.email(), PASSWORD).then().statusCode(400);
        assertEquals(("renamed-" + target.email()).toLowerCase(), Api.queryOne("SELECT email FROM auth WHERE id = ?", target.id()));
        as(admin()).body(Map.of("role", "pending", "name", "Renamed", "email", "renamed-" + target.email()))
                .post("/api/v1/users/" + target.id() + "/update").then().statusCode(200);
        as(target.token()).get("/api/v1/users/user/settings").then().statusCode(401);
    }

    @Test
    void adminUpdateRejectsBadInput() {
        Api.Session target = Api.newAccount();
        Api.Session other = Api.newAccount();
        String path = "/api/v1/users/" + target.id() + "/update";
        as(admin()).body(Map.of("role", "owner", "name", "x", "email", target.email())).post(path).then().statusCode(400);
        as(admin()).body(Map.of("role", "user", "name", "x", "email", "nope")).post(path).then().statusCode(400);
        as(admin()).body(Map.of("role", "user", "name", "x", "email", other.email().toUpperCase())).post(path).then().statusCode(400)
                .body("detail", containsString("e-mail"));
        as(admin()).body(Map.of("role", "user", "name", "x", "email", target.email(), "password", "y".repeat(80))).post(path).then().statusCode(400);
        as(admin()).body(Map.of("role", "user", "name", "x", "email", "z@example.com")).post("/api/v1/users/" + UUID.randomUUID() + "/update")
                .then().statusCode(404);
    }

    @Test
    void thePrimaryAdminIsProtected() {
        Api.Session primary = Api.admin();
        Api.Session otherAdmin = Api.newAccount("admin");
        String path = "/api/v1/users/" + primary.id() + "/update";
        as(otherAdmin.token()).body(Map.of("role", "user", "name", "Coup", "email", primary.email())).post(path).then().statusCode(403);
        as(otherAdmin.token()).body(Map.of("role", "admin", "name", "Coup", "email", primary.email())).post(path).then().statusCode(403);
        as(otherAdmin.token()).body(Map.of("id", primary.id(), "role", "user")).post("/api/v1/users/update/role").then().statusCode(403);
        as(primary.token()).body(Map.of("role", "user", "name", "Primary Admin", "email", primary.email())).post(path).then().statusCode(403);
        as(primary.token()).body(Map.of("role", "admin", "name", "Primary Admin", "email", primary.email())).post(path).then().statusCode(200);
        as(otherAdmin.token()).delete("/api/v1/users/" + primary.id()).then().statusCode(403);
        as(primary.token()).delete("/api/v1/users/" + primary.id()).then().statusCode(403);
        as(otherAdmin.token()).delete("/api/v1/users/" + otherAdmin.id()).then().statusCode(403);
        assertEquals("admin", Api.queryOne("SELECT role FROM \"user\" WHERE id = ?", primary.id()));
    }

    @Test
    void deletingAUserRemovesCredentialsAndMembershipsAndEndsTheirSessions() {
        Api.Session target = Api.newAccount("user");
        as(admin()).body(Map.of("name", "G", "user_ids", List.of(target.id()))).post("/api/v1/groups/create").then().statusCode(200);
        as(admin()).delete("/api/v1/users/" + target.id()).then().statusCode(200).body(equalTo("true"));
        as(target.token()).get("/api/v1/auths/").then().statusCode(401);
        assertEquals(0L, Api.queryOne("SELECT count(*) FROM auth WHERE id = ?", target.id()));
        assertEquals(0L, Api.queryOne("SELECT count(*) FROM group_member WHERE user_id = ?", target.id()));
        as(admin()).delete("/api/v1/users/" + target.id()).then().statusCode(404);
    }

    @Test
    void settingsAreOwnAndToolServersNeedPermission() {
        Api.Session user = Api.newAccount("user");
        Api.Session other = Api.newAccount("user");
        as(user.token()).get("/api/v1/users/user/settings").then().statusCode(200).body(equalTo("null"));
        Map<String, Object> settings = Map.of("ui", Map.of("models", List.of("gpt"), "toolServers", List.of(Map.of("url", "x"))), "extra", 1);
        as(user.token()).body(settings).post("/api/v1/users/user/settings/update").then().statusCode(200)
                .body("ui.models", equalTo(List.of("gpt"))).body("ui.toolServers", nullValue()).body("extra", equalTo(1));
        as(user.token()).get("/api/v1/users/user/settings").then().body("ui.models", equalTo(List.of("gpt")));
        as(other.token()).get("/api/v1/users/user/settings").then().body(equalTo("null"));
        as(admin()).body(settings).post("/api/v1/users/user/settings/update").then().body("ui.toolServers[0].url", equalTo("x"));
        as(user.token()).body("[1]").post("/api/v1/users/user/settings/update").then().statusCode(400);
        as(user.token()).body(Map.of("ui", Map.of("n", "a\u0000b"))).post("/api/v1/users/user/settings/update").then().statusCode(200)
                .body("ui.n", equalTo("ab"));
    }

    @Test
    void infoIsMerged() {
        Api.Session user = Api.newAccount("user");
        as(user.token()).get("/api/v1/users/user/info").then().statusCode(200).body(equalTo("null"));
        as(user.token()).body(Map.of("location", "Berlin")).post("/api/v1/users/user/info/update").then().body("location", equalTo("Berlin"));
        as(user.token()).body(Map.of("tz", "CET")).post("/api/v1/users/user/info/update").then().body("location", equalTo("Berlin"))
                .body("tz", equalTo("CET"));
        as(user.token()).body("\"x\"").post("/api/v1/users/user/info/update").then().statusCode(400);
    }

    @Test
    void defaultPermissionsMergeWithGroups() {
        Api.Session member = Api.newAccount("user");
        Api.Session outsider = Api.newAccount("user");
        Response defaults = as(admin()).get("/api/v1/users/default/permissions");
        defaults.then().statusCode(200).body("workspace.models", equalTo(false)).body("chat.temporary_enforced", equalTo(false))
                .body("features.web_search", equalTo(true)).body("sharing.public_notes", equalTo(false));
        assertEquals(Set.of("workspace", "sharing", "chat", "features"), defaults.jsonPath().getMap("$").keySet());
        assertEquals(19, defaults.jsonPath().getMap("chat").size());
        as(admin()).body(Map.of("chat", Map.of("delete", false), "features", Map.of("web_search", false)))
                .post("/api/v1/users/default/permissions").then().statusCode(200)
                .body("chat.delete", equalTo(false)).body("chat.edit", equalTo(true)).body("features.web_search", equalTo(false));
        assertEquals("false", Api.queryOne("SELECT data #>> '{user,permissions,chat,delete}' FROM config ORDER BY id DESC LIMIT 1"));
        as(admin()).body(Map.of("name", "Builders", "user_ids", List.of(member.id()),
                "permissions", Map.of("workspace", Map.of("models", true), "chat", Map.of("delete", false)))).post("/api/v1/groups/create")
                .then().statusCode(200);
        as(member.token()).get("/api/v1/users/permissions").then().body("workspace.models", equalTo(true)).body("chat.delete", equalTo(false))
                .body("features.web_search", equalTo(false));
        as(member.token()).get("/api/v1/auths/").then().body("permissions.workspace.models", equalTo(true));
        as(outsider.token()).get("/api/v1/users/permissions").then().body("workspace.models", equalTo(false));
        as(admin()).body(Map.of("chat", Map.of("delete", "yes"))).post("/api/v1/users/default/permissions").then().statusCode(400);
        as(admin()).body(Map.of("chat", true)).post("/api/v1/users/default/permissions").then().statusCode(400);
        as(admin()).body(Map.of("chat", Map.of("delete", true), "features", Map.of("web_search", true))).post("/api/v1/users/default/permissions")
                .then().statusCode(200);
    }

    @Test
    void profileImagesAreServedToCookieHolders() {
        Api.Session user = Api.newAccount("user");
        Api.Session viewer = Api.newAccount("user");
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        as(user.token()).body(Map.of("name", "Pic", "profile_image_url", "data:image/png;base64," + png)).post("/api/v1/auths/update/profile")
                .then().statusCode(200);
        Response r = anonymous().cookie("token", viewer.token()).get("/api/v1/users/" + user.id() + "/profile/image");
        r.then().statusCode(200).contentType("image/png").header("X-Content-Type-Options", "nosniff");
        assertArrayEquals(java.util.Base64.getDecoder().decode(png), r.asByteArray());
        assertTrue(r.getHeader("Content-Security-Policy").contains("default-src 'none'"));
        as(user.token()).body(Map.of("name", "Pic", "profile_image_url", "https://img.example.com/a.png")).post("/api/v1/auths/update/profile");
        as(viewer.token()).redirects().follow(false).get("/api/v1/users/" + user.id() + "/profile/image").then().statusCode(302)
                .header("Location", "https://img.example.com/a.png");
        as(user.token()).body(Map.of("name", "Pic", "profile_image_url", "javascript:alert(1)")).post("/api/v1/auths/update/profile");
        as(viewer.token()).redirects().follow(false).get("/api/v1/users/" + user.id() + "/profile/image").then().statusCode(302)
                .header("Location", containsString("/user.png"));
        as(user.token()).body(Map.of("name", "Pic", "profile_image_url", "data:text/html;base64,PHNjcmlwdD4=")).post("/api/v1/auths/update/profile");
        as(viewer.token()).redirects().follow(false).get("/api/v1/users/" + user.id() + "/profile/image").then().statusCode(302);
        as(viewer.token()).get("/api/v1/users/" + UUID.randomUUID() + "/profile/image").then().statusCode(404);
    }

    @Test
    void groupsOfAUser() {
        Api.Session member = Api.newAccount("user");
        String group = as(admin()).body(Map.of("name", "Mine", "user_ids", List.of(member.id()))).post("/api/v1/groups/create").path("id");
        as(member.token()).get("/api/v1/users/groups").then().statusCode(200).body("id", equalTo(List.of(group)));
        as(admin()).get("/api/v1/users/" + member.id() + "/groups").then().statusCode(200).body("id", equalTo(List.of(group)));
        as(admin()).get("/api/v1/users/" + UUID.randomUUID() + "/groups").then().statusCode(404);
    }
}
