package dev.webui.files.processing;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.Fixtures;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads through the service and what background processing records on each file. */
@QuarkusTest
@WithTestResource(value = FilesTestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ProcessingFlowTest {
    static final String MARKER = "Aardvark burrow survey 2031";

    TestUser user;

    @BeforeEach
    void user() {
        user = TestUsers.create(Roles.USER);
    }

    @Test
    void officeAndPdfUploadsAreExtractedAndSearchable() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("report.pdf", Fixtures.pdf(MARKER));
        files.put("report.docx", Fixtures.docx(MARKER));
        files.put("slides.pptx", Fixtures.pptx(MARKER));
        files.put("sheet.xlsx", Fixtures.xlsx(MARKER));
        files.put("page.html", Fixtures.utf8("<html><body><h1>" + MARKER + "</h1></body></html>"));
        files.put("data.json", Fixtures.utf8("{\"survey\":\"" + MARKER + "\"}"));
        files.forEach((name, bytes) -> {
            String id = Uploads.uploadOk(user.token(), name, bytes, "application/octet-stream");
            assertEquals("completed", Uploads.awaitProcessed(user.token(), id), name);
            given().auth().oauth2(user.token()).get("/api/v1/files/" + id).then()
                    .body("data.content", containsString(MARKER)).body("data.progress", nullValue());
            List<String> hits = given().auth().oauth2(user.token()).contentType("application/json")
                    .body(Map.of("collection_name", "file-" + id, "query", "aardvark survey"))
                    .post("/api/v1/retrieval/query/doc").then().statusCode(200).extract().path("documents[0]");
            assertTrue(hits.get(0).contains(MARKER), name + ": " + hits);
        });
    }

    @Test
    void unreadableFilesFailWithTheirReasonAndLeaveNoVectors() {
        String broken = Uploads.uploadOk(user.token(), "broken.pdf", Fixtures.utf8("%PDF-1.7\nnot a pdf at all"), "application/pdf");
        assertEquals("failed", Uploads.awaitProcessed(user.token(), broken));
        given().auth().oauth2(user.token()).get("/api/v1/files/" + broken + "/process/status").then()
                .body("status", equalTo("failed")).body("error", containsString("application/pdf"));
        String stream = given().auth().oauth2(user.token()).get("/api/v1/files/" + broken + "/process/status?stream=true")
                .then().statusCode(200).extract().asString();
        assertTrue(stream.contains("\"status\":\"failed\"") && stream.contains("error"), stream);

        String bomb = Uploads.uploadOk(user.token(), "bomb.docx", Fixtures.zipBombDocx(200), "application/octet-stream");
        assertEquals("failed", Uploads.awaitProcessed(user.token(), bomb));
        given().auth().oauth2(user.token()).get("/api/v1/files/" + bomb).then().body("data.error", containsString("FILE_MAX_UNPACKED_SIZE"));

        String blank = Uploads.uploadOk(user.token(), "blank.txt", Fixtures.utf8("   \n\n  "), "text/plain");
        assertEquals("failed", Uploads.awaitProcessed(user.token(), blank));
        given().auth().oauth2(user.token()).get("/api/v1/files/" + blank).then().body("data.error", containsString("No text"));

        for (String id : List.of(broken, bomb, blank)) {
            given().auth().oauth2(user.token()).contentType("application/json")
                    .body(Map.of("collection_name", "file-" + id, "query", "anything"))
                    .post("/api/v1/retrieval/query/doc").then().statusCode(200).body("documents[0]", org.hamcrest.Matchers.empty());
        }
        // the service is still healthy after all that
        given().get("/health").then().statusCode(200);
    }

    @Test
    void imagesAreStoredWithoutProcessing() {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        String id = Uploads.uploadOk(user.token(), "pixel.png", png, "image/png");
        given().auth().oauth2(user.token()).get("/api/v1/files/" + id).then()
                .body("meta.content_type", equalTo("image/png")).body("data.status", nullValue());
        given().auth().oauth2(user.token()).get("/api/v1/files/" + id + "/process/status?stream=true").then()
                .body(containsString("completed"));
        given().auth().oauth2(user.token()).get("/api/v1/files/" + id + "/content").then()
                .header("Content-Type", "image/png").header("Content-Disposition", containsString("inline"));
    }

    @Test
    void synchronousProcessingAnswersWithTheResult() {
        given().auth().oauth2(user.token()).multiPart("file", "now.txt", Fixtures.utf8(MARKER), "text/plain")
                .queryParam("process_in_background", false).post("/api/v1/files/").then().statusCode(200)
                .body("data.status", equalTo("completed")).body("data.content", containsString(MARKER));
    }
}
