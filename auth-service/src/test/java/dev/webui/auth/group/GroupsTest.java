package dev.webui.auth.group;

import dev.webui.auth.Api;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.webui.auth.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GroupsTest {
    private static String admin() {
        return Api.admin().token();
    }

    @Test
    void createReadUpdateDelete() {
        Api.Session a = Api.newAccount("user");
        Api.Session b = Api.newAccount("user");
        long before = Instant.now().getEpochSecond();
        Response created = as(admin()).body(Map.of("name", " Team ", "description", "The team", "user_ids", List.of(a.id(), a.id()),
                "permissions", Map.of("workspace", Map.of("tools", true)))).post("/api/v1/groups/create");
        created.then().statusCode(200).body("name", equalTo("Team")).body("description", equalTo("The team"))
                .body("user_id", equalTo(Api.admin().id())).body("user_ids", equalTo(List.of(a.id())))
                .body("permissions.workspace.tools", equalTo(true)).body("data", nullValue()).body("meta", nullValue());
        assertEquals(Set.of("id", "user_id", "name", "description", "permissions", "data", "meta", "user_ids", "created_at", "updated_at"),
                created.jsonPath().getMap("$").keySet());
        assertTrue(created.jsonPath().getLong("created_at") >= before);
        String id = created.path("id");
        assertEquals(1L, Api.queryOne("SELECT count(*) FROM group_member WHERE group_id = ?", id));

        as(admin()).get("/api/v1/groups/id/" + id).then().statusCode(200).body("name", equalTo("Team"));
        as(admin()).body(Map.of("name", "Team 2", "description", "", "user_ids", List.of(b.id(), a.id()), "data", Map.of("k", 1),
                        "permissions", Map.of()))
                .post("/api/v1/groups/id/" + id + "/update").then().statusCode(200).body("name", equalTo("Team 2"))
                .body("user_ids.size()", equalTo(2)).body("user_ids", hasItem(b.id())).body("data.k", equalTo(1));
        // absent user_ids keep the members
        as(admin()).body(Map.of("name", "Team 3", "description", "")).post("/api/v1/groups/id/" + id + "/update").then()
                .body("user_ids.size()", equalTo(2));
        as(admin()).body(Map.of("name", "Team 3", "description", "", "user_ids", List.of(b.id()))).post("/api/v1/groups/id/" + id + "/update")
                .then().body("user_ids", equalTo(List.of(b.id())));

        as(a.token()).get("/api/v1/groups/").then().statusCode(200).body("id", not(hasItem(id)));
        as(b.token()).get("/api/v1/groups/").then().statusCode(200).body("id", equalTo(List.of(id)));
        as(admin()).get("/api/v1/groups/").then().body("id", hasItem(id));

        as(admin()).delete("/api/v1/groups/id/" + id + "/delete").then().statusCode(200).body(equalTo("true"));
        assertEquals(0L, Api.queryOne("SELECT count(*) FROM group_member WHERE group_id = ?", id));
        as(admin()).get("/api/v1/groups/id/" + id).then().statusCode(404);
        as(admin()).delete("/api/v1/groups/id/" + id + "/delete").then().statusCode(404);
        as(admin()).body(Map.of("name", "X")).post("/api/v1/groups/id/" + id + "/update").then().statusCode(404);
    }

    @Test
    void badGroupsAreRefused() {
        as(admin()).body(Map.of("description", "no name")).post("/api/v1/groups/create").then().statusCode(400).body("detail", containsString("name"));
        as(admin()).body(Map.of("name", "G", "user_ids", List.of(UUID.randomUUID().toString()))).post("/api/v1/groups/create").then()
                .statusCode(400).body("detail", containsString("not users"));
        as(admin()).body(Map.of("name", "G", "permissions", Map.of("chat", Map.of("delete", 1)))).post("/api/v1/groups/create").then().statusCode(400);
        as(admin()).body(Map.of("name", "G", "user_ids", "abc")).post("/api/v1/groups/create").then().statusCode(400);
        as(admin()).body(Map.of("name", "G", "data", List.of(1))).post("/api/v1/groups/create").then().statusCode(400);
        assertEquals(0L, Api.queryOne("SELECT count(*) FROM \"group\" WHERE name = 'G'"));
    }
}
