package dev.webui.api.folder;

import dev.webui.api.chat.TestSql;
import dev.webui.api.support.Chats;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FolderEndpointsTest {

    private static String folder(TestUser user, String name) {
        return as(user).body(Map.of("name", name)).post("/api/v1/folders/").then().statusCode(200)
                .body("parent_id", nullValue()).body("is_expanded", equalTo(false)).extract().path("id");
    }

    @Test
    void nestedFoldersWithUniqueSiblingNamesAndNoCycles() {
        TestUser user = TestUsers.create(Roles.USER);
        String top = folder(user, "Projects");
        String child = folder(user, "Alpha");
        as(user).body(Map.of("name", "projects")).post("/api/v1/folders/").then().statusCode(400)
                .body("detail", equalTo("Folder already exists"));
        as(user).body(Map.of("parent_id", top)).post("/api/v1/folders/" + child + "/update/parent").then().statusCode(200)
                .body("parent_id", equalTo(top));
        as(user).body(Map.of("parent_id", child)).post("/api/v1/folders/" + top + "/update/parent").then().statusCode(400);
        as(user).body(Map.of("parent_id", top)).post("/api/v1/folders/" + top + "/update/parent").then().statusCode(400);
        String sibling = folder(user, "Beta");
        as(user).body(Map.of("name", "Alpha")).post("/api/v1/folders/" + sibling + "/update").then().statusCode(200)
                .body("name", equalTo("Alpha"));
        as(user).body(Map.of("parent_id", top)).post("/api/v1/folders/" + sibling + "/update/parent").then().statusCode(400);
        as(user).body(Map.of("name", "Renamed", "data", Map.of("system_prompt", "be brief")))
                .post("/api/v1/folders/" + child + "/update").then().statusCode(200)
                .body("name", equalTo("Renamed")).body("data.system_prompt", equalTo("be brief"));
        as(user).body(Map.of("is_expanded", true)).post("/api/v1/folders/" + top + "/update/expanded").then().statusCode(200)
                .body("is_expanded", equalTo(true));
        as(user).body(Map.of("is_expanded", "yes")).post("/api/v1/folders/" + top + "/update/expanded").then().statusCode(400);
        as(user).get("/api/v1/folders/").then().statusCode(200).body("$", hasSize(3));
        as(user).get("/api/v1/folders/" + child).then().statusCode(200).body("parent_id", equalTo(top));
    }

    @Test
    void deletingAFolderTakesItsSubFoldersAndChats() {
        TestUser user = TestUsers.create(Roles.USER);
        String top = folder(user, "Top");
        String child = as(user).body(Map.of("name", "Child", "parent_id", top)).post("/api/v1/folders/").then().statusCode(200)
                .extract().path("id");
        String chat = Chats.create(user, "in child", 2);
        String outside = Chats.create(user, "outside", 0);
        as(user).body(Map.of("folder_id", child)).post("/api/v1/chats/" + chat + "/folder").then().statusCode(200);
        as(user).get("/api/v1/chats/folder/" + top).then().body("$", hasSize(1));
        as(user).delete("/api/v1/folders/" + top).then().statusCode(200).body(equalTo("true"));
        as(user).get("/api/v1/folders/").then().body("$", hasSize(0));
        as(user).get("/api/v1/chats/" + chat).then().statusCode(404);
        as(user).get("/api/v1/chats/" + outside).then().statusCode(200);
        assertEquals(List.of("0"), TestSql.strings("SELECT count(*)::text FROM chat_message WHERE chat_id = ?", chat));
    }

    @Test
    void anotherUsersFolderIsInvisible() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        String id = folder(owner, "Mine");
        as(other).get("/api/v1/folders/" + id).then().statusCode(404);
        as(other).body(Map.of("name", "x")).post("/api/v1/folders/" + id + "/update").then().statusCode(404);
        as(other).delete("/api/v1/folders/" + id).then().statusCode(404);
        as(other).body(Map.of("name", "Sub", "parent_id", id)).post("/api/v1/folders/").then().statusCode(404);
        String chat = Chats.create(other, "c", 0);
        as(other).body(Map.of("folder_id", id)).post("/api/v1/chats/" + chat + "/folder").then().statusCode(404);
        as(other).get("/api/v1/chats/folder/" + id).then().statusCode(404);
        as(owner).get("/api/v1/folders/" + id).then().statusCode(200);
    }
}
