package dev.webui.api.channel;

import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.webui.api.settings.SettingsStore;
import dev.webui.api.support.Channels;
import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.core.settings.Settings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Files in a channel message's data.files: only the author's own uploads are accepted, on post and on edit. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ChannelFilesTest {
    @Inject
    SettingsStore settings;
    @Inject
    Pool pool;

    @BeforeEach
    void enableChannels() {
        settings.save(Map.of(Settings.ENABLE_CHANNELS, BooleanNode.TRUE)).await().atMost(Duration.ofSeconds(10));
    }

    /** A file row as file-service writes it on upload. */
    private String fileOf(TestUser owner) {
        String id = UUID.randomUUID().toString();
        pool.preparedQuery("INSERT INTO file (id, user_id, filename, meta, created_at, updated_at) VALUES ($1, $2, 'notes.txt', '{}'::jsonb, 1, 1)")
                .execute(Tuple.of(id, owner.id())).await().atMost(Duration.ofSeconds(10));
        return id;
    }

    private static Map<String, Object> withFiles(String content, Object files) {
        return Map.of("content", content, "data", Map.of("files", files));
    }

    private static Map<String, Object> file(String id) {
        return Map.of("type", "file", "id", id, "name", "notes.txt", "url", "/api/v1/files/" + id);
    }

    @Test
    void theAuthorsFilesAndImagesAreKeptOthersFilesRefused() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser alice = TestUsers.create(Roles.USER);
        TestUser bob = TestUsers.create(Roles.USER);
        String channel = Channels.create(admin, "files", null);
        String own = fileOf(alice);
        String bobs = fileOf(bob);
        String image = "data:image/png;base64,iVBORw0KGgo=";

        String id = Channels.post(alice, channel, withFiles("", List.of(file(own), Map.of("type", "image", "url", image))));
        as(bob).get("/api/v1/channels/" + channel + "/messages/" + id).then().statusCode(200)
                .body("data.files.id", contains(own, null)).body("data.files[1].url", equalTo(image));

        String path = "/api/v1/channels/" + channel + "/messages/post";
        as(alice).body(withFiles("look", List.of(file(bobs)))).post(path).then().statusCode(403).body("detail", containsString(bobs));
        as(alice).body(withFiles("look", List.of(file("no-such-file")))).post(path).then().statusCode(403);
        as(admin).body(withFiles("look", List.of(file(bobs)))).post(path).then().statusCode(403);
        as(alice).body(withFiles("look", "notes.txt")).post(path).then().statusCode(400).body("detail", containsString("list"));
        as(alice).body(withFiles("look", List.of("notes.txt"))).post(path).then().statusCode(400);
        as(alice).body(withFiles("look", List.of(Map.of("type", "file", "name", "x")))).post(path).then().statusCode(400);
        as(alice).body(withFiles("look", List.of(Map.of("type", "file", "id", 7)))).post(path).then().statusCode(400);
        as(admin).get("/api/v1/channels/" + channel + "/messages").then().body("content", contains(""));
    }

    @Test
    void anEditMayOnlyCarryFilesOfTheMessagesAuthor() {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser alice = TestUsers.create(Roles.USER);
        String channel = Channels.create(admin, "edits", null);
        String id = Channels.post(alice, channel, Map.of("content", "first"));
        String update = "/api/v1/channels/" + channel + "/messages/" + id + "/update";
        String admins = fileOf(admin);
        String alices = fileOf(alice);

        as(admin).body(withFiles("edited", List.of(file(admins)))).post(update).then().statusCode(403);
        as(admin).body(withFiles("edited", List.of(file(alices)))).post(update).then().statusCode(200).body("data.files[0].id", equalTo(alices));
        as(alice).body(Map.of("content", "again")).post(update).then().statusCode(200).body("data.files[0].id", equalTo(alices));
    }
}
