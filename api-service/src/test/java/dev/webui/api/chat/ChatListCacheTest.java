package dev.webui.api.chat;

import dev.webui.api.support.Chats;
import dev.webui.api.support.Poll;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sidebar lists are served from {@link ChatListCache}: every kind of list it keeps must show
 * writes made by this replica at once, and writes made elsewhere (another replica, the importer's
 * or auth-service's raw SQL: both are plain SQL on the same table) once PostgreSQL has announced
 * them. A write made with the trigger switched off stands for a notification that never arrived:
 * the stale answer it leaves proves the list was really served from the cache.
 */
@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ChatListCacheTest {
    private static final List<String> LISTS = List.of("/api/v1/chats/?page=1", "/api/v1/chats/?page=2", "/api/v1/chats/",
            "/api/v1/chats/?page=1&include_folders=true", "/api/v1/chats/list?page=1", "/api/v1/chats/pinned");

    @Inject
    ChatListCache cache;

    @BeforeEach
    void listening() {
        Poll.until("the chat_changed LISTEN connection is up", () -> cache.listening());
    }

    @Test
    void aSilentWriteStaysUnseenUntilAnAnnouncedOneDropsTheLists() {
        TestUser user = TestUsers.create(Roles.USER);
        String id = TestSql.insertChat(user.id(), "Original", 1_000);
        as(user).get("/api/v1/chats/?page=1").then().statusCode(200).body("title", contains("Original"));

        silently("UPDATE chat SET title = 'Silent' WHERE id = '" + id + "'");
        as(user).get("/api/v1/chats/?page=1").then().statusCode(200).body("title", contains("Original"));

        TestUsers.execute("UPDATE chat SET updated_at = updated_at + 1 WHERE id = ?", id);
        Poll.until("the raw SQL update is seen", () -> titles(user, "/api/v1/chats/?page=1").equals(List.of("Silent")));
    }

    @Test
    void everyKindOfListSeesAnotherWritersChange() {
        TestUser user = TestUsers.create(Roles.USER);
        for (int i = 0; i < 61; i++) {
            TestSql.insertChat(user.id(), "Chat " + i, 10_000 + i);
        }
        String folder = as(user).body(Map.of("name", "Work")).post("/api/v1/folders/").then().statusCode(200).extract().path("id");
        String inFolder = TestSql.insertChat(user.id(), "In folder", 20_000);
        TestUsers.execute("UPDATE chat SET folder_id = ? WHERE id = ?", folder, inFolder);
        String pinned = TestSql.insertChat(user.id(), "Pinned", 30_000);
        TestUsers.execute("UPDATE chat SET pinned = true WHERE id = ?", pinned);

        Poll.until("the setup is seen", () -> titles(user, "/api/v1/chats/pinned").equals(List.of("Pinned")));
        assertEquals(60, titles(user, "/api/v1/chats/?page=1").size());
        assertEquals(List.of("Chat 0"), titles(user, "/api/v1/chats/?page=2"));
        assertEquals(61, titles(user, "/api/v1/chats/").size());
        assertEquals("In folder", titles(user, "/api/v1/chats/?page=1&include_folders=true").get(0));
        assertEquals("Chat 60", titles(user, "/api/v1/chats/list?page=1").get(0));

        // the importer adds a chat, newer than all: every page shifts by one; the chat in the folder is pinned
        TestSql.insertChat(user.id(), "Imported", 40_000);
        TestUsers.execute("UPDATE chat SET pinned = true WHERE id = ?", inFolder);
        Poll.until("the import is seen", () -> titles(user, "/api/v1/chats/?page=1").get(0).equals("Imported"));
        assertEquals(List.of("Chat 1", "Chat 0"), titles(user, "/api/v1/chats/?page=2"));
        assertEquals(62, titles(user, "/api/v1/chats/").size());
        assertEquals("Imported", titles(user, "/api/v1/chats/?page=1&include_folders=true").get(0));
        assertEquals("Imported", titles(user, "/api/v1/chats/list?page=1").get(0));
        assertEquals(List.of("Pinned", "In folder"), titles(user, "/api/v1/chats/pinned"));

        // auth-service deletes the account's chats
        TestUsers.execute("DELETE FROM chat WHERE user_id = ?", user.id());
        Poll.until("the deletion is seen", () -> titles(user, "/api/v1/chats/pinned").isEmpty());
        for (String list : LISTS) {
            assertEquals(List.of(), titles(user, list), list);
        }
    }

    @Test
    void theWritersOwnNextReadIsFresh() {
        TestUser user = TestUsers.create(Roles.USER);
        String first = Chats.create(user, "First", 1);
        String second = Chats.create(user, "Second", 1);
        String folder = as(user).body(Map.of("name", "Later")).post("/api/v1/folders/").then().statusCode(200).extract().path("id");
        for (String list : LISTS) {
            as(user).get(list).then().statusCode(200);
        }

        as(user).body(Map.of("chat", Map.of("title", "Renamed"))).post("/api/v1/chats/" + first).then().statusCode(200);
        as(user).get("/api/v1/chats/?page=1").then().body("title", hasItem("Renamed")).body("title", not(hasItem("First")));

        as(user).post("/api/v1/chats/" + first + "/pin").then().statusCode(200);
        as(user).get("/api/v1/chats/pinned").then().body("id", contains(first));
        as(user).get("/api/v1/chats/?page=1").then().body("id", contains(second));

        as(user).body(Map.of("folder_id", folder)).post("/api/v1/chats/" + second + "/folder").then().statusCode(200);
        as(user).get("/api/v1/chats/?page=1").then().body("$", hasSize(0));
        as(user).get("/api/v1/chats/?page=1&include_folders=true").then().body("id", contains(second));

        as(user).post("/api/v1/chats/" + first + "/archive").then().statusCode(200);
        as(user).get("/api/v1/chats/pinned").then().body("$", hasSize(0));

        String third = as(user).body(Map.of("chat", Map.of("title", "Third"))).post("/api/v1/chats/new").then().statusCode(200)
                .extract().path("id");
        as(user).get("/api/v1/chats/").then().body("id", contains(third));

        as(user).delete("/api/v1/folders/" + folder).then().statusCode(200);
        as(user).get("/api/v1/chats/?page=1&include_folders=true").then().body("id", contains(third));

        as(user).delete("/api/v1/chats/" + third).then().statusCode(200);
        as(user).get("/api/v1/chats/").then().body("$", hasSize(0));
    }

    @Test
    void listsAreNotKeptAcrossALostListenConnection() {
        TestUser user = TestUsers.create(Roles.USER);
        String id = TestSql.insertChat(user.id(), "Before", 1_000);
        Poll.until("the list shows the chat", () -> titles(user, "/api/v1/chats/?page=1").equals(List.of("Before")));
        long listener = TestUsers.queryLong("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND query = 'LISTEN chat_changed'");

        TestUsers.queryLong("SELECT count(*) FROM (SELECT pg_terminate_backend(?)) t", (int) listener);
        // written while nobody listens: no replica can hear of it
        silently("UPDATE chat SET title = 'During the outage' WHERE id = '" + id + "'");
        Poll.until("a new LISTEN connection is up", () -> cache.listening() && TestUsers.queryLong("SELECT count(*) FROM "
                + "pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN chat_changed' AND pid <> ?", (int) listener) == 1);

        assertEquals(List.of("During the outage"), titles(user, "/api/v1/chats/?page=1"));
    }

    @Test
    void aLoadBegunBeforeADropIsNotKept() {
        String user = "load-race-" + Chats.uuid();
        ChatListCache.Variant page = ChatListCache.Variant.sidebar(new Paging(1, 60), false);
        CompletableFuture<byte[]> slow = new CompletableFuture<>();
        CompletableFuture<byte[]> answer = cache.get(user, page, () -> Uni.createFrom().completionStage(slow)).subscribeAsCompletionStage();

        cache.drop(user);
        slow.complete(bytes("[\"stale\"]"));
        assertArrayEquals(bytes("[\"stale\"]"), answer.join());

        byte[] fresh = cache.get(user, page, () -> Uni.createFrom().item(bytes("[\"fresh\"]"))).await().indefinitely();
        assertArrayEquals(bytes("[\"fresh\"]"), fresh);
        byte[] again = cache.get(user, page, () -> Uni.createFrom().item(bytes("[\"not asked\"]"))).await().indefinitely();
        assertArrayEquals(bytes("[\"fresh\"]"), again, "a load after the drop is kept");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> titles(TestUser user, String path) {
        return as(user).get(path).then().statusCode(200).extract().jsonPath().getList("title", String.class);
    }

    /** A write with the trigger off (as if its notification was lost), in a transaction of its own. */
    private static void silently(String sql) {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.migrations.jdbc.url", String.class),
                config.getValue("quarkus.datasource.migrations.username", String.class), null)) {
            c.setAutoCommit(false);
            try (PreparedStatement off = c.prepareStatement("SET LOCAL session_replication_role = replica");
                 PreparedStatement write = c.prepareStatement(sql)) {
                off.execute();
                assertEquals(1, write.executeUpdate());
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
