package dev.webui.api.chat;

import dev.webui.api.support.Chats;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ChatEndpointsTest {

    @Test
    void createThenReadGivesBackTheTreeAndTheDerivedPath() {
        TestUser user = TestUsers.create(Roles.USER);
        String id = Chats.create(user, "First chat", 4);
        as(user).get("/api/v1/chats/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("user_id", equalTo(user.id()))
                .body("title", equalTo("First chat"))
                .body("archived", equalTo(false)).body("pinned", equalTo(false))
                .body("share_id", nullValue()).body("folder_id", nullValue())
                .body("meta", equalTo(Map.of()))
                .body("chat.title", equalTo("First chat"))
                .body("chat.history.currentId", equalTo("m3"))
                .body("chat.history.messages.m1.model", equalTo("gpt-test"))
                .body("chat.history.messages.m0.parentId", nullValue())
                .body("chat.history.messages.m2.childrenIds", contains("m3"))
                .body("chat.messages.id", contains("m0", "m1", "m2", "m3"))
                .body("chat.timestamp", equalTo(1700000000000L));
        as(user).get("/api/v1/chats/?page=1").then().statusCode(200).body("id", hasItem(id))
                .body("[0].title", equalTo("First chat")).body("[0].updated_at", notNullValue());
    }

    /** GET assembles the chat in SQL; the save response assembles it in Java: they must agree, branches and cycles included. */
    @Test
    void theSingleQueryReadMatchesTheSavedTree() {
        TestUser user = TestUsers.create(Roles.USER);
        String id = Chats.create(user, "Branches", 0);
        Map<String, Object> nodes = new java.util.LinkedHashMap<>();
        nodes.put("a", Map.of("id", "a", "parentId", "c", "childrenIds", List.of("b"), "role", "user", "content", "loop start",
                "timestamp", 1700000000));
        nodes.put("b", Map.of("id", "b", "parentId", "a", "childrenIds", List.of("c", "d"), "role", "assistant",
                "content", "two answers", "model", "gpt-test", "done", true, "sources", List.of(Map.of("name", "doc"))));
        nodes.put("c", Map.of("id", "c", "parentId", "b", "childrenIds", List.of("a"), "role", "user", "content", "cycles back"));
        nodes.put("d", Map.of("id", "d", "parentId", "b", "childrenIds", List.of(), "role", "user", "content", "other branch",
                "statusHistory", List.of(Map.of("done", true)), "timestamp", 4102444800000L));
        Map<String, Object> chat = Map.of("title", "Branches", "history", Map.of("currentId", "c", "messages", nodes));
        Map<String, Object> saved = as(user).body(Map.of("chat", chat)).post("/api/v1/chats/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("chat");
        JsonPath read = as(user).get("/api/v1/chats/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(saved, read.getMap("chat"));
        assertEquals(List.of("a", "b", "c"), read.getList("chat.messages.id"), "the path stops where it repeats");

        as(user).body(Map.of("chat", Map.of("history", Map.of("currentId", "d", "messages", nodes)))).post("/api/v1/chats/" + id)
                .then().statusCode(200);
        as(user).get("/api/v1/chats/" + id).then().body("chat.messages.id", contains("c", "a", "b", "d"))
                .body("chat.history.messages.d.timestamp", equalTo(4102444800000L));

        JsonPath flat = as(user).body(Map.of("chat", Map.of("title", "No tree"))).post("/api/v1/chats/new").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(flat.getMap("chat"), as(user).get("/api/v1/chats/" + flat.getString("id")).then().statusCode(200)
                .extract().jsonPath().getMap("chat"));
        as(TestUsers.create(Roles.USER)).get("/api/v1/chats/" + id).then().statusCode(404).body("detail", notNullValue());
        as(TestUsers.create(Roles.ADMIN)).get("/api/v1/chats/" + id).then().statusCode(200).body("chat.messages", hasSize(4));
    }

    @Test
    void savingTheWholeChatRewritesOnlyChangedMessages() {
        TestUser user = TestUsers.create(Roles.USER);
        String id = Chats.create(user, "Edit me", 6);
        TestUsers.execute("UPDATE chat_message SET updated_at = 1 WHERE chat_id = ?", id);
        Map<String, Object> chat = Chats.conversation("Edited title", 6);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> nodes = (Map<String, Map<String, Object>>) ((Map<String, Object>) chat.get("history")).get("messages");
        nodes.get("m3").put("content", "changed answer");
        nodes.remove("m5");
        nodes.get("m4").put("childrenIds", List.of());
        chat.put("history", Map.of("currentId", "m4", "messages", nodes));
        as(user).body(Map.of("chat", chat)).post("/api/v1/chats/" + id).then().statusCode(200)
                .body("title", equalTo("Edited title"))
                .body("chat.messages", hasSize(5))
                .body("chat.history.messages.m3.content", equalTo("changed answer"));
        assertEquals(List.of("m3", "m4"), TestSql.strings(
                "SELECT id FROM chat_message WHERE chat_id = ? AND updated_at > 1 ORDER BY id", id));
        assertEquals(List.of("5"), TestSql.strings("SELECT count(*)::text FROM chat_message WHERE chat_id = ?", id));

        // a partial update without history keeps the tree; `messages` alone is ignored when a tree exists
        as(user).body(Map.of("chat", Map.of("params", Map.of("temperature", 0.5), "messages", List.of()))).post("/api/v1/chats/" + id)
                .then().statusCode(200).body("chat.params.temperature", equalTo(0.5f)).body("chat.messages", hasSize(5))
                .body("chat.models", contains("gpt-test"));
    }

    @Test
    void nulBytesAreStrippedAndInvalidUtf8IsRefused() {
        TestUser user = TestUsers.create(Roles.USER);
        String body = "{\"chat\": {\"title\": \"nul\\u0000title\", \"history\": {\"currentId\": \"a\", \"messages\": {\"a\": "
                + "{\"id\": \"a\", \"role\": \"user\", \"content\": \"x\\u0000y\", \"k\\u0000ey\": \"v\\u0000\", \"bad\": \"\\ud800\"}}}}}";
        String id = as(user).body(body).post("/api/v1/chats/new").then().statusCode(200)
                .body("title", equalTo("nultitle")).extract().path("id");
        as(user).get("/api/v1/chats/" + id).then().statusCode(200)
                .body("chat.history.messages.a.content", equalTo("xy"))
                .body("chat.history.messages.a.key", equalTo("v"))
                .body("chat.history.messages.a.bad", equalTo("\uFFFD"));
        byte[] invalid = "{\"chat\": {\"title\": \"\u0001\"}}".getBytes();
        invalid[invalid.length - 5] = (byte) 0xC3; // a lone UTF-8 lead byte
        as(user).body(invalid).post("/api/v1/chats/new").then().statusCode(400).body("detail", notNullValue());
    }

    @Test
    void mainListExcludesPinnedArchivedAndFolderChatsAndPagesBy60() {
        TestUser user = TestUsers.create(Roles.USER);
        for (int i = 0; i < 61; i++) {
            TestSql.insertChat(user.id(), "bulk " + i, 1000 + i);
        }
        String pinned = Chats.create(user, "pinned one", 0);
        String archived = Chats.create(user, "archived one", 0);
        String folder = Chats.uuid();
        TestUsers.execute("INSERT INTO folder (id, user_id, name, created_at, updated_at) VALUES (?, ?, 'F', 1, 1)", folder, user.id());
        String inFolder = Chats.create(user, "foldered", 0);
        as(user).post("/api/v1/chats/" + pinned + "/pin").then().statusCode(200).body("pinned", equalTo(true));
        as(user).post("/api/v1/chats/" + archived + "/archive").then().statusCode(200).body("archived", equalTo(true));
        as(user).body(Map.of("folder_id", folder)).post("/api/v1/chats/" + inFolder + "/folder").then().statusCode(200)
                .body("folder_id", equalTo(folder));
        JsonPath page1 = as(user).get("/api/v1/chats/?page=1").then().statusCode(200).body("$", hasSize(60)).extract().jsonPath();
        assertEquals("bulk 60", page1.getString("[0].title"));
        as(user).get("/api/v1/chats/?page=2").then().statusCode(200).body("$", hasSize(1)).body("[0].title", equalTo("bulk 0"));
        as(user).get("/api/v1/chats/?page=3").then().statusCode(200).body("$", hasSize(0));
        as(user).get("/api/v1/chats/list").then().statusCode(200).body("$", hasSize(61));
        as(user).get("/api/v1/chats?include_folders=true").then().statusCode(200).body("id", hasItem(inFolder));
        as(user).get("/api/v1/chats/pinned").then().body("id", contains(pinned));
        as(user).get("/api/v1/chats/" + pinned + "/pinned").then().body(equalTo("true"));
        as(user).get("/api/v1/chats/archived").then().body("id", contains(archived));
        as(user).get("/api/v1/chats/archived?query=ARCHIVED&order_by=title&direction=asc").then().body("id", contains(archived));
        as(user).get("/api/v1/chats/archived?order_by=evil;drop").then().statusCode(400);
        as(user).get("/api/v1/chats/folder/" + folder + "/list?page=1").then().body("id", contains(inFolder));
        as(user).get("/api/v1/chats/folder/" + folder).then().body("id", contains(inFolder));
        as(user).get("/api/v1/chats/?page=zero").then().statusCode(400);

        as(user).post("/api/v1/chats/archive/all").then().statusCode(200).body(equalTo("true"));
        as(user).get("/api/v1/chats/?page=1").then().body("$", hasSize(0));
        as(user).get("/api/v1/chats/all/archived").then().body("$", hasSize(64));
        as(user).post("/api/v1/chats/unarchive/all").then().statusCode(200);
        as(user).get("/api/v1/chats/archived").then().body("$", hasSize(0));
    }

    @Test
    void searchMatchesTitlesMessageTextAndFilters() {
        TestUser user = TestUsers.create(Roles.USER);
        String a = Chats.create(user, "Cooking pasta", 2);
        String b = Chats.create(user, "Unrelated", 4);
        as(user).body(Map.of("chat", Map.of("history", Map.of("currentId", "q", "messages", Map.of("q",
                Map.of("id", "q", "role", "user", "content", "what about Carbonara_100%?")))))).post("/api/v1/chats/" + b).then().statusCode(200);
        as(user).body(Map.of("name", "Food Stuff")).post("/api/v1/chats/" + a + "/tags").then().statusCode(200)
                .body("id", contains("food_stuff")).body("name", contains("Food Stuff"));
        as(user).get("/api/v1/chats/search?text=pasta").then().statusCode(200).body("id", contains(a));
        as(user).queryParam("text", "carbonara_100%").get("/api/v1/chats/search").then().body("id", contains(b));
        as(user).get("/api/v1/chats/search?text=carbonara_1000").then().body("$", hasSize(0));
        as(user).get("/api/v1/chats/search?text=tag:food_stuff").then().body("id", contains(a));
        as(user).get("/api/v1/chats/search?text=tag:food_stuff%20carbonara").then().body("$", hasSize(0));
        as(user).get("/api/v1/chats/search?text=pinned:true").then().body("$", hasSize(0));
        as(TestUsers.create(Roles.USER)).get("/api/v1/chats/search?text=pasta").then().body("$", hasSize(0));
    }

    @Test
    void tagsAreAddedListedRemovedAndCleanedUp() {
        TestUser user = TestUsers.create(Roles.USER);
        String a = Chats.create(user, "A", 0);
        String b = Chats.create(user, "B", 0);
        as(user).body(Map.of("name", "work")).post("/api/v1/chats/" + a + "/tags").then().statusCode(200);
        as(user).body(Map.of("name", "work")).post("/api/v1/chats/" + a + "/tags").then().body("$", hasSize(1));
        as(user).body(Map.of("name", "work")).post("/api/v1/chats/" + b + "/tags").then().statusCode(200);
        as(user).body(Map.of("name", "Later")).post("/api/v1/chats/" + b + "/tags").then().body("id", contains("work", "later"));
        as(user).get("/api/v1/chats/" + a).then().body("meta.tags", contains("work"));
        as(user).get("/api/v1/chats/all/tags").then().body("id", containsInAnyOrder("work", "later"));
        as(user).body(Map.of("name", "work")).post("/api/v1/chats/tags").then().body("id", containsInAnyOrder(a, b));
        as(user).body(Map.of("name", "later")).delete("/api/v1/chats/" + b + "/tags").then().statusCode(200).body("id", contains("work"));
        as(user).get("/api/v1/chats/all/tags").then().body("id", contains("work"));
        as(user).delete("/api/v1/chats/" + a + "/tags/all").then().statusCode(200);
        as(user).get("/api/v1/chats/" + a + "/tags").then().body("$", hasSize(0));
        as(user).delete("/api/v1/chats/" + b).then().statusCode(200).body(equalTo("true"));
        as(user).get("/api/v1/chats/all/tags").then().body("$", hasSize(0));
        as(user).body(Map.of("name", 5)).post("/api/v1/chats/" + a + "/tags").then().statusCode(400);
    }

    @Test
    void shareCloneAndSharedView() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser reader = TestUsers.create(Roles.USER);
        String id = Chats.create(owner, "Shared", 3);
        String shareId = as(owner).post("/api/v1/chats/" + id + "/share").then().statusCode(200)
                .body("user_id", equalTo("shared-" + id)).body("chat.messages", hasSize(3)).extract().path("id");
        assertNotEquals(id, shareId);
        as(owner).get("/api/v1/chats/" + id).then().body("share_id", equalTo(shareId));
        as(owner).post("/api/v1/chats/" + id + "/share").then().body("id", equalTo(shareId));
        as(reader).get("/api/v1/chats/share/" + shareId).then().statusCode(200).body("title", equalTo("Shared"))
                .body("chat.history.messages.m2.content", equalTo("message number 2"));
        as(reader).get("/api/v1/chats/share/" + id).then().statusCode(404);
        as(reader).post("/api/v1/chats/" + shareId + "/clone/shared").then().statusCode(200)
                .body("user_id", equalTo(reader.id())).body("chat.messages", hasSize(3));
        String clone = as(owner).body(Map.of()).post("/api/v1/chats/" + id + "/clone").then().statusCode(200)
                .body("title", equalTo("Clone of Shared"))
                .body("chat.originalChatId", equalTo(id))
                .body("chat.branchPointMessageId", equalTo("m2"))
                .body("chat.messages.id", contains("m0", "m1", "m2")).extract().path("id");
        assertNotEquals(id, clone);
        as(owner).delete("/api/v1/chats/" + id + "/share").then().statusCode(200).body(equalTo("true"));
        as(owner).delete("/api/v1/chats/" + id + "/share").then().statusCode(200).body(equalTo("false"));
        as(reader).get("/api/v1/chats/share/" + shareId).then().statusCode(404);
    }

    @Test
    void importExportAndDeleteAll() {
        TestUser user = TestUsers.create(Roles.USER);
        Map<String, Object> legacy = Map.of("title", "Imported", "messages", List.of(
                Map.of("id", "u1", "role", "user", "content", "old question"),
                Map.of("id", "a1", "role", "assistant", "content", "old answer")));
        as(user).body(Map.of("chat", legacy, "meta", Map.of("tags", List.of("imported")), "pinned", true,
                        "created_at", 1600000000, "updated_at", 1600000100)).post("/api/v1/chats/import").then().statusCode(200)
                .body("created_at", equalTo(1600000000)).body("updated_at", equalTo(1600000100)).body("pinned", equalTo(true))
                .body("chat.history.currentId", equalTo("a1"))
                .body("chat.history.messages.a1.parentId", equalTo("u1"))
                .body("chat.messages.content", contains("old question", "old answer"));
        as(user).get("/api/v1/chats/all/tags").then().body("id", contains("imported"));
        as(user).body(Map.of("chat", legacy, "created_at", "yesterday")).post("/api/v1/chats/import").then().statusCode(400);
        Chats.create(user, "Second", 2);
        as(user).get("/api/v1/chats/all").then().statusCode(200).body("$", hasSize(2)).body("title", hasItem("Imported"));
        as(user).delete("/api/v1/chats/").then().statusCode(200).body(equalTo("true"));
        as(user).get("/api/v1/chats/all").then().body("$", hasSize(0));
        as(user).get("/api/v1/chats/all/tags").then().body("$", hasSize(0));
    }

    @Test
    void temporaryChatIdIsNeverStored() {
        TestUser user = TestUsers.create(Roles.USER);
        as(user).get("/api/v1/chats/local").then().statusCode(404);
        as(user).body(Map.of("chat", Map.of("title", "tmp"))).post("/api/v1/chats/local").then().statusCode(404);
        assertEquals(List.of("0"), TestSql.strings("SELECT count(*)::text FROM chat WHERE id = ?", "local"));
    }

    @Test
    void badBodiesAnswer400() {
        TestUser user = TestUsers.create(Roles.USER);
        String id = Chats.create(user, "x", 0);
        as(user).body(Map.of("chat", "not an object")).post("/api/v1/chats/new").then().statusCode(400);
        as(user).body(Map.of("other", 1)).post("/api/v1/chats/" + id).then().statusCode(400);
        as(user).body("{").post("/api/v1/chats/" + id).then().statusCode(400);
        as(user).body(Map.of("folder_id", Chats.uuid())).post("/api/v1/chats/" + id + "/folder").then().statusCode(404);
        as(user).body(Map.of("chat", Map.of(), "folder_id", 7)).post("/api/v1/chats/new").then().statusCode(400);
    }

    @Test
    void theOnlyMessageEditEndpointWritesOneRow() {
        TestUser user = TestUsers.create(Roles.USER);
        String id = Chats.create(user, "x", 2);
        as(user).body(Map.of("content", "rewritten")).post("/api/v1/chats/" + id + "/messages/m1").then().statusCode(200)
                .body("chat.history.messages.m1.content", equalTo("rewritten"))
                .body("chat.history.messages.m1.model", equalTo("gpt-test"));
        as(user).body(Map.of("type", "status", "data", Map.of())).post("/api/v1/chats/" + id + "/messages/m1/event")
                .then().statusCode(200).body(equalTo("true"));
        as(user).get("/api/v1/chats/" + id).then().body("chat.history.messages", not(hasItem("m9")));
    }
}
