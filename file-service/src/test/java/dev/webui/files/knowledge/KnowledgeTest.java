package dev.webui.files.knowledge;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.Fixtures;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Permissions;
import dev.webui.files.support.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = FilesTestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KnowledgeTest {
    static final Map<String, Object> PRIVATE = Map.of();

    TestUser owner;
    TestUser other;
    TestUser admin;

    @BeforeEach
    void users() {
        owner = TestUsers.create(Roles.USER);
        other = TestUsers.create(Roles.USER);
        admin = TestUsers.create(Roles.ADMIN);
        Permissions.grantKnowledge(owner.id());
    }

    String create(TestUser user, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "about " + name);
        body.put("access_control", PRIVATE);
        return given().auth().oauth2(user.token()).contentType("application/json").body(body)
                .post("/api/v1/knowledge/create").then().statusCode(200)
                .body("name", equalTo(name)).body("files", empty()).body("data.file_ids", empty())
                .extract().path("id");
    }

    String processedFile(TestUser user, String text) {
        String id = Uploads.uploadOk(user.token(), "doc.txt", Fixtures.utf8(text), "text/plain");
        Uploads.awaitProcessed(user.token(), id);
        return id;
    }

    Map<String, Object> fileId(String id) {
        return Map.of("file_id", id);
    }

    List<String> query(TestUser user, String collection, String query) {
        return given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("collection_names", List.of(collection), "query", query, "k", 5))
                .post("/api/v1/retrieval/query/collection").then().statusCode(200).extract().path("documents[0]");
    }

    @Test
    void creatingNeedsTheWorkspacePermission() {
        given().auth().oauth2(other.token()).contentType("application/json").body(Map.of("name", "x", "description", ""))
                .post("/api/v1/knowledge/create").then().statusCode(401);
        given().auth().oauth2(owner.token()).contentType("application/json").body(Map.of("description", ""))
                .post("/api/v1/knowledge/create").then().statusCode(400).body("detail", containsString("name"));
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("name", "by admin", "description", ""))
                .post("/api/v1/knowledge/create").then().statusCode(200);
    }

    @Test
    void filesAddedAreSearchableAndRemovedOnesAreNot() {
        String kb = create(owner, "Zoo");
        String penguins = processedFile(owner, "Penguins are flightless seabirds living in the southern hemisphere.");
        String volcano = processedFile(owner, "A volcano erupts molten lava and ash from the earth's crust.");
        given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(penguins))
                .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(200)
                .body("files.id", contains(penguins)).body("data.file_ids", contains(penguins));
        given().auth().oauth2(owner.token()).contentType("application/json").body(List.of(fileId(volcano), fileId("missing")))
                .post("/api/v1/knowledge/" + kb + "/files/batch/add").then().statusCode(200)
                .body("files.id", hasItem(volcano)).body("warnings", hasSize(1)).body("warnings[0]", containsString("missing"));

        List<String> hits = query(owner, kb, "birds that cannot fly");
        org.junit.jupiter.api.Assertions.assertTrue(hits.get(0).contains("Penguins"), hits.toString());

        given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(penguins))
                .post("/api/v1/knowledge/" + kb + "/file/remove?delete_file=false").then().statusCode(200)
                .body("files.id", not(hasItem(penguins)));
        org.junit.jupiter.api.Assertions.assertTrue(query(owner, kb, "birds that cannot fly").stream().noneMatch(t -> t.contains("Penguins")));
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + penguins).then().statusCode(200);

        // deleting a file takes it out of the knowledge base too
        given().auth().oauth2(owner.token()).delete("/api/v1/files/" + volcano).then().statusCode(200);
        given().auth().oauth2(owner.token()).get("/api/v1/knowledge/" + kb).then().statusCode(200)
                .body("data.file_ids", empty()).body("files", empty());
        org.junit.jupiter.api.Assertions.assertTrue(query(owner, kb, "lava").isEmpty());
    }

    /** The stock UI's sequence: upload, read the status stream as it asks for it, add the file at once. */
    @Test
    void theStockFlowAddsFilesWhoseProcessingIsStillPending() {
        String kb = create(owner, "Stock flow");
        String streamed = Uploads.uploadOk(owner.token(), "streamed.txt", Fixtures.utf8("Kiwis are flightless birds of New Zealand."), "text/plain");
        String events = given().auth().oauth2(owner.token()).accept("application/json")
                .get("/api/v1/files/" + streamed + "/process/status?stream=true").then().statusCode(200)
                .contentType(containsString("text/event-stream")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(events.endsWith("data: {\"status\":\"completed\"}\n\n"), events);
        given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(streamed))
                .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(200).body("files.id", hasItem(streamed));

        // several long files queued at once: the last ones are still pending when they are added
        List<String> pending = new java.util.ArrayList<>();
        for (String topic : List.of("Glaciers carve valleys", "Volcanoes build islands", "Rivers shape deltas")) {
            String text = (topic + " over thousands of years. ").repeat(250);
            pending.add(Uploads.uploadOk(owner.token(), topic + ".txt", Fixtures.utf8(text), "text/plain"));
        }
        for (String id : pending) {
            given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(id))
                    .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(200).body("files.id", hasItem(id));
            given().auth().oauth2(owner.token()).get("/api/v1/files/" + id + "/process/status").then()
                    .body("status", equalTo("completed"));
        }
        org.junit.jupiter.api.Assertions.assertTrue(query(owner, kb, "rivers and deltas").stream().anyMatch(t -> t.contains("Rivers shape deltas")));

        // a file whose processing fails is refused with the reason, whether added early or late
        String broken = Uploads.uploadOk(owner.token(), "broken.pdf", Fixtures.utf8("%PDF-1.7\nnot a pdf at all"), "application/pdf");
        given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(broken))
                .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(400)
                .body("detail", containsString("could not be processed")).body("detail", containsString("application/pdf"));
        given().auth().oauth2(owner.token()).get("/api/v1/knowledge/" + kb).then().body("data.file_ids", not(hasItem(broken)));
    }

    @Test
    void anotherUsersFileCannotBeAttachedAndUnprocessedFilesAreRefused() {
        String kb = create(owner, "Mine");
        String foreign = processedFile(other, "Someone else's secret notes.");
        given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(foreign))
                .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(400).body("detail", equalTo("File not found"));
        String raw = given().auth().oauth2(owner.token()).multiPart("file", "raw.txt", Fixtures.utf8("not processed"), "text/plain")
                .queryParam("process", false).post("/api/v1/files/").then().statusCode(200).extract().path("id");
        given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(raw))
                .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(400).body("detail", containsString("processed"));
        given().auth().oauth2(owner.token()).contentType("application/json").body(Map.of())
                .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(400).body("detail", containsString("file_id"));
    }

    @Test
    void accessMatrix() {
        String kb = create(owner, "Private");
        String file = processedFile(owner, "Owls hunt at night.");
        given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(file))
                .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(200);

        given().get("/api/v1/knowledge/" + kb).then().statusCode(403);
        given().auth().oauth2(other.token()).get("/api/v1/knowledge/" + kb).then().statusCode(404);
        given().auth().oauth2(other.token()).get("/api/v1/knowledge/").then().statusCode(200).body("id", not(hasItem(kb)));
        given().auth().oauth2(other.token()).get("/api/v1/files/" + file).then().statusCode(404);
        given().auth().oauth2(other.token()).contentType("application/json").body(Map.of("name", "mine now"))
                .post("/api/v1/knowledge/" + kb + "/update").then().statusCode(404);
        given().auth().oauth2(other.token()).delete("/api/v1/knowledge/" + kb + "/delete").then().statusCode(404);
        given().auth().oauth2(other.token()).contentType("application/json")
                .body(Map.of("collection_name", kb, "query", "owls")).post("/api/v1/retrieval/query/doc").then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertTrue(query(other, kb, "owls").isEmpty());
        org.junit.jupiter.api.Assertions.assertTrue(query(other, "file-" + file, "owls").isEmpty());

        // read access for the other user: may read the base and its files, not change them
        Map<String, Object> read = Map.of("read", Map.of("user_ids", List.of(other.id()), "group_ids", List.of()),
                "write", Map.of("user_ids", List.of(), "group_ids", List.of()));
        given().auth().oauth2(owner.token()).contentType("application/json").body(Map.of("name", "Shared", "access_control", read))
                .post("/api/v1/knowledge/" + kb + "/update").then().statusCode(200).body("name", equalTo("Shared"));
        given().auth().oauth2(other.token()).get("/api/v1/knowledge/" + kb).then().statusCode(200).body("files.id", contains(file));
        given().auth().oauth2(other.token()).get("/api/v1/knowledge/").then().body("id", hasItem(kb));
        given().auth().oauth2(other.token()).get("/api/v1/knowledge/list").then().body("id", not(hasItem(kb)));
        given().auth().oauth2(other.token()).get("/api/v1/files/" + file + "/content").then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertFalse(query(other, kb, "owls").isEmpty());
        given().auth().oauth2(other.token()).post("/api/v1/knowledge/" + kb + "/reset").then().statusCode(401);

        given().auth().oauth2(admin.token()).get("/api/v1/knowledge/list").then().body("id", hasItem(kb))
                .body("find { it.id == '" + kb + "' }.user.id", equalTo(owner.id()));
        given().auth().oauth2(admin.token()).post("/api/v1/knowledge/reindex").then().statusCode(200);
        given().auth().oauth2(owner.token()).post("/api/v1/knowledge/reindex").then().statusCode(401);
    }

    @Test
    void resetAndDelete() {
        String kb = create(owner, "Temporary");
        String file = processedFile(owner, "Glaciers carve valleys over millennia.");
        given().auth().oauth2(owner.token()).contentType("application/json").body(fileId(file))
                .post("/api/v1/knowledge/" + kb + "/file/add").then().statusCode(200);
        given().auth().oauth2(owner.token()).post("/api/v1/knowledge/" + kb + "/reset").then().statusCode(200)
                .body("files", empty()).body("data.file_ids", empty());
        org.junit.jupiter.api.Assertions.assertTrue(query(owner, kb, "glaciers").isEmpty());
        given().auth().oauth2(owner.token()).delete("/api/v1/knowledge/" + kb + "/delete").then().statusCode(200).body(equalTo("true"));
        given().auth().oauth2(owner.token()).get("/api/v1/knowledge/" + kb).then().statusCode(404);
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + file).then().statusCode(200);
    }
}
