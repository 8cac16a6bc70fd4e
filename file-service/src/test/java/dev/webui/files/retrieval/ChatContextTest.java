package dev.webui.files.retrieval;

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

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/** The calls the completion pipeline makes with the chatting user's token (docs/files.md, "For the completion pipeline"). */
@QuarkusTest
@WithTestResource(value = FilesTestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ChatContextTest {
    TestUser owner;
    TestUser stranger;
    String file;
    String knowledge;

    @BeforeEach
    void ownerWithAFileAndAKnowledgeBase() {
        owner = TestUsers.create(Roles.USER);
        stranger = TestUsers.create(Roles.USER);
        Permissions.grantKnowledge(owner.id());
        file = Uploads.uploadOk(owner.token(), "lighthouse.txt",
                Fixtures.utf8("The lighthouse keeper lit the lamp at dusk every evening."), "text/plain");
        org.junit.jupiter.api.Assertions.assertEquals("completed", Uploads.awaitProcessed(owner.token(), file));
        knowledge = given().auth().oauth2(owner.token()).contentType("application/json")
                .body(Map.of("name", "Coast", "description", "", "access_control", Map.of()))
                .post("/api/v1/knowledge/create").then().statusCode(200).extract().path("id");
        given().auth().oauth2(owner.token()).contentType("application/json").body(Map.of("file_id", file))
                .post("/api/v1/knowledge/" + knowledge + "/file/add").then().statusCode(200);
    }

    Map<String, Object> query(List<String> collections) {
        return Map.of("collection_names", collections, "query", "who lights the lamp", "k", 3);
    }

    @Test
    void theOwnerGetsChunksWithTheirSource() {
        given().auth().oauth2(owner.token()).contentType("application/json")
                .body(query(List.of(knowledge, "file-" + file)))
                .post("/api/v1/retrieval/query/collection").then().statusCode(200)
                .body("documents[0]", hasSize(2))
                .body("documents[0]", everyItem(containsString("lighthouse keeper")))
                .body("metadatas[0].file_id", everyItem(equalTo(file)))
                .body("metadatas[0].name", everyItem(equalTo("lighthouse.txt")))
                .body("metadatas[0].source", everyItem(equalTo("lighthouse.txt")))
                .body("metadatas[0].created_by", everyItem(equalTo(owner.id())))
                .body("distances[0]", hasSize(2));
        // an API key of the owner works the same way as the session token
        given().header("Authorization", "Bearer " + owner.apiKey()).contentType("application/json")
                .body(Map.of("collection_name", knowledge, "query", "lamp"))
                .post("/api/v1/retrieval/query/doc").then().statusCode(200).body("documents[0]", hasSize(1));
    }

    @Test
    void anotherUsersFileOrKnowledgeIdNeverYieldsContext() {
        given().auth().oauth2(stranger.token()).contentType("application/json")
                .body(query(List.of(knowledge, "file-" + file)))
                .post("/api/v1/retrieval/query/collection").then().statusCode(200)
                .body("documents", contains(empty())).body("metadatas", contains(empty())).body("distances", contains(empty()));
        for (String collection : List.of(knowledge, "file-" + file)) {
            given().auth().oauth2(stranger.token()).contentType("application/json")
                    .body(Map.of("collection_name", collection, "query", "lamp"))
                    .post("/api/v1/retrieval/query/doc").then().statusCode(404);
        }
        // full-context files are read through the file itself
        given().auth().oauth2(stranger.token()).get("/api/v1/files/" + file + "/data/content").then().statusCode(404);
        given().auth().oauth2(owner.token()).get("/api/v1/files/" + file + "/data/content").then().statusCode(200)
                .body("content", containsString("lighthouse keeper"));

        // the stranger's own file in the same request is answered, the owner's ids are skipped
        String own = Uploads.uploadOk(stranger.token(), "mine.txt", Fixtures.utf8("My lamp is a desk lamp."), "text/plain");
        Uploads.awaitProcessed(stranger.token(), own);
        given().auth().oauth2(stranger.token()).contentType("application/json")
                .body(query(List.of(knowledge, "file-" + own, "file-" + file)))
                .post("/api/v1/retrieval/query/collection").then().statusCode(200)
                .body("documents[0]", hasSize(1)).body("metadatas[0].file_id", contains(own));
        // no token: refused before anything is looked up
        given().contentType("application/json").body(query(List.of(knowledge)))
                .post("/api/v1/retrieval/query/collection").then().statusCode(403);
    }
}
