package dev.webui.files.file;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.db.Sql;
import dev.webui.files.support.FilesTestEnvironment;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A file attached to a channel message by its owner is readable by the channel's readers, and only by
 * them; the same file in a message of somebody else grants nothing. The channel and message rows are
 * api-service's, written here as it writes them.
 */
@QuarkusTest
@WithTestResource(value = FilesTestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FileSharedInChannelTest {
    @Inject
    Sql sql;

    TestUser owner;
    TestUser member;
    TestUser outsider;
    String fileId;

    @BeforeEach
    void setUp() {
        owner = TestUsers.create(Roles.USER);
        member = TestUsers.create(Roles.USER);
        outsider = TestUsers.create(Roles.USER);
        fileId = given().auth().oauth2(owner.token()).multiPart("file", "plan.txt", "the plan".getBytes(StandardCharsets.UTF_8), "text/plain")
                .queryParam("process", false).post("/api/v1/files/").then().statusCode(200).extract().path("id");
    }

    private String channelReadableBy(TestUser reader) {
        String id = UUID.randomUUID().toString();
        String grants = "{\"read\":{\"group_ids\":[],\"user_ids\":[\"" + reader.id() + "\"]},\"write\":{\"group_ids\":[],\"user_ids\":[]}}";
        sql.update("INSERT INTO channel (id, user_id, name, access_control, created_at, updated_at) VALUES ($1, $2, $3, $4::text::jsonb, 1, 1)",
                Tuple.of(id, UUID.randomUUID().toString(), "room-" + id, grants));
        return id;
    }

    private void post(String channelId, TestUser author, String file) {
        sql.update("INSERT INTO message (id, user_id, channel_id, content, data, created_at, updated_at) VALUES ($1, $2, $3, '', $4::text::jsonb, 1, 1)",
                Tuple.from(Arrays.asList(UUID.randomUUID().toString(), author.id(), channelId,
                        "{\"files\":[{\"type\":\"file\",\"id\":\"" + file + "\",\"name\":\"plan.txt\"}]}")));
    }

    private int content(TestUser caller) {
        return given().auth().oauth2(caller.token()).get("/api/v1/files/" + fileId + "/content").statusCode();
    }

    @Test
    void readersOfTheChannelGetTheOwnersAttachment() {
        assertStatus(404, member);
        post(channelReadableBy(member), owner, fileId);
        given().auth().oauth2(member.token()).get("/api/v1/files/" + fileId + "/content").then().statusCode(200).body(equalTo("the plan"));
        given().auth().oauth2(member.token()).get("/api/v1/files/" + fileId).then().statusCode(200).body("id", equalTo(fileId));
        assertStatus(404, outsider);
        given().auth().oauth2(member.token()).delete("/api/v1/files/" + fileId).then().statusCode(403); // may read, not delete
    }

    @Test
    void aMessageOfSomebodyElseSharesNothing() {
        post(channelReadableBy(outsider), outsider, fileId);
        assertStatus(404, outsider);
    }

    private void assertStatus(int status, TestUser caller) {
        org.junit.jupiter.api.Assertions.assertEquals(status, content(caller));
    }
}
