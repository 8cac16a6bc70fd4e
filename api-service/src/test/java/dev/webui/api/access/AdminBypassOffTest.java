package dev.webui.api.access;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * With BYPASS_ADMIN_ACCESS_CONTROL off, lists show an admin only what the access rule lets them
 * see, yet one note or prompt asked for by id still opens for them, as in Open WebUI.
 */
@QuarkusTest
@TestProfile(AdminBypassOffTest.BypassOff.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class AdminBypassOffTest {
    public static class BypassOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("BYPASS_ADMIN_ACCESS_CONTROL", "false");
        }
    }

    @Test
    void listsFollowTheRuleButOneObjectOpens() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser admin = TestUsers.create(Roles.ADMIN);
        String noteId = UUID.randomUUID().toString();
        String command = "/private-" + noteId.substring(0, 8);
        TestUsers.execute("INSERT INTO note (id, user_id, title, data, access_control, created_at, updated_at) "
                + "VALUES (?, ?, 'Private', '{}'::jsonb, '{}'::jsonb, 1, 1)", noteId, owner.id());
        TestUsers.execute("INSERT INTO prompt (command, user_id, title, content, access_control, \"timestamp\") "
                + "VALUES (?, ?, 'Private', 'text', '{}'::jsonb, 1)", command, owner.id());

        as(admin).get("/api/v1/notes/").then().statusCode(200).body("id", not(hasItem(noteId)));
        as(admin).get("/api/v1/prompts/").then().statusCode(200).body("command", not(hasItem(command)));
        as(owner).get("/api/v1/notes/").then().statusCode(200).body("id", hasItem(noteId));

        as(admin).get("/api/v1/notes/" + noteId).then().statusCode(200).body("title", equalTo("Private"));
        as(admin).body(Map.of("title", "Checked", "data", Map.of(), "access_control", Map.of()))
                .post("/api/v1/notes/" + noteId + "/update").then().statusCode(200).body("title", equalTo("Checked"));
        as(admin).get("/api/v1/prompts/command" + command).then().statusCode(200).body("content", equalTo("text"));

        TestUser other = TestUsers.create(Roles.USER);
        as(other).get("/api/v1/notes/" + noteId).then().statusCode(404);
        as(other).get("/api/v1/prompts/command" + command).then().statusCode(404);
        as(other).get("/api/v1/notes/").then().statusCode(200).body("id", not(hasItem(noteId)));
    }
}
