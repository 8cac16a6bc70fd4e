package dev.webui.files.file;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every file endpoint driven as anonymous, pending, owner, another user and admin. */
@QuarkusTest
@WithTestResource(value = FilesTestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FileAccessMatrixTest {
    static final byte[] TEXT = "matrix test content".getBytes(StandardCharsets.UTF_8);

    TestUser owner;
    TestUser other;
    TestUser admin;
    TestUser pending;
    String fileId;

    record Call(String name, BiFunction<RequestSpecification, String, Integer> run) {
    }

    static final List<Call> READS = List.of(
            new Call("get", (r, id) -> r.get("/api/v1/files/" + id).statusCode()),
            new Call("content", (r, id) -> r.get("/api/v1/files/" + id + "/content").statusCode()),
            new Call("content by name", (r, id) -> r.get("/api/v1/files/" + id + "/content/x.txt").statusCode()),
            new Call("data content", (r, id) -> r.get("/api/v1/files/" + id + "/data/content").statusCode()));
    static final List<Call> WRITES = List.of(
            new Call("update content", (r, id) -> r.contentType("application/json").body(Map.of("content", "changed"))
                    .post("/api/v1/files/" + id + "/data/content/update").statusCode()),
            new Call("delete", (r, id) -> r.delete("/api/v1/files/" + id).statusCode()));

    @BeforeEach
    void setUp() {
        owner = TestUsers.create(Roles.USER);
        other = TestUsers.create(Roles.USER);
        admin = TestUsers.create(Roles.ADMIN);
        pending = TestUsers.create(Roles.PENDING);
        fileId = given().auth().oauth2(owner.token()).multiPart("file", "m.txt", TEXT, "text/plain").queryParam("process", false)
                .post("/api/v1/files/").then().statusCode(200).extract().path("id");
    }

    @Test
    void anonymousAndPendingCallersAreTurnedAway() {
        for (Call call : concat(READS, WRITES)) {
            assertEquals(403, call.run().apply(given(), fileId), "anonymous " + call.name());
            assertEquals(401, call.run().apply(given().auth().oauth2(pending.token()), fileId), "pending " + call.name());
        }
        assertEquals(403, given().get("/api/v1/files/").statusCode());
        assertEquals(403, given().multiPart("file", "a.txt", TEXT).post("/api/v1/files/").statusCode());
        assertEquals(401, given().auth().oauth2(pending.token()).multiPart("file", "a.txt", TEXT).post("/api/v1/files/").statusCode());
        assertEquals(403, given().get("/api/v1/files/" + fileId + "/process/status?stream=true").statusCode());
    }

    @Test
    void anotherUserCannotSeeOrTouchTheFile() {
        for (Call call : concat(READS, WRITES)) {
            assertEquals(404, call.run().apply(given().auth().oauth2(other.token()), fileId), "other user " + call.name());
        }
        given().auth().oauth2(other.token()).get("/api/v1/files/").then().statusCode(200).body("id", not(hasItem(fileId)));
        given().auth().oauth2(other.token()).get("/api/v1/files/" + fileId + "/process/status").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("not_found"));
        assertEquals(401, given().auth().oauth2(other.token()).delete("/api/v1/files/all").statusCode());
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + fileId + "/data/content").then().statusCode(200);
    }

    @Test
    void ownerMayDoEverything() {
        for (Call call : concat(READS, WRITES)) {
            assertEquals(200, call.run().apply(given().auth().oauth2(owner.token()), fileId), "owner " + call.name());
        }
    }

    @Test
    void adminMayDoEverythingIncludingDeleteAll() {
        given().auth().oauth2(admin.token()).get("/api/v1/files/").then().statusCode(200).body("id", hasItem(fileId));
        for (Call call : concat(READS, WRITES)) {
            assertEquals(200, call.run().apply(given().auth().oauth2(admin.token()), fileId), "admin " + call.name());
        }
        String another = Uploads.uploadOk(other.token(), "o.txt", TEXT, "text/plain");
        given().auth().oauth2(admin.token()).delete("/api/v1/files/all").then().statusCode(200);
        given().auth().oauth2(other.token()).get("/api/v1/files/" + another).then().statusCode(404);
        assertEquals(0, Uploads.storedFiles().size());
    }

    @Test
    void sharedThroughAReadableKnowledgeBaseMeansReadOnly() {
        TestUsers.execute("INSERT INTO knowledge (id, user_id, name, description, data, meta, access_control, created_at, updated_at) "
                        + "VALUES (?, ?, 'shared', '', ?::jsonb, NULL, ?::jsonb, 0, 0)",
                java.util.UUID.randomUUID().toString(), owner.id(), "{\"file_ids\":[\"" + fileId + "\"]}",
                "{\"read\":{\"user_ids\":[\"" + other.id() + "\"],\"group_ids\":[]},\"write\":{\"user_ids\":[],\"group_ids\":[]}}");
        for (Call call : READS) {
            assertEquals(200, call.run().apply(given().auth().oauth2(other.token()), fileId), "reader " + call.name());
        }
        for (Call call : WRITES) {
            assertEquals(403, call.run().apply(given().auth().oauth2(other.token()), fileId), "reader " + call.name());
        }
    }

    static List<Call> concat(List<Call> a, List<Call> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
