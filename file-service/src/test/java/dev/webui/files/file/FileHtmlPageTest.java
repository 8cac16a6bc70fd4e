package dev.webui.files.file;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Uploads;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/files/{id}/content/html: the page the stock UI frames, for admins' files, in a script sandbox. */
@QuarkusTest
@WithTestResource(value = FilesTestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FileHtmlPageTest {
    static final String PAGE = "<!doctype html><html><body><h1>Report</h1><script>document.title = 'ran';</script></body></html>";

    TestUser admin;
    TestUser otherAdmin;
    TestUser user;
    TestUser stranger;
    String adminPage;

    @BeforeEach
    void setUp() {
        admin = TestUsers.create(Roles.ADMIN);
        otherAdmin = TestUsers.create(Roles.ADMIN);
        user = TestUsers.create(Roles.USER);
        stranger = TestUsers.create(Roles.USER);
        adminPage = Uploads.uploadOk(admin.token(), "report.html", PAGE.getBytes(StandardCharsets.UTF_8), "text/html");
    }

    @Test
    void anAdminsPageIsServedInlineAsHtmlWithScriptsSandboxedAwayFromOurOrigin() {
        Response page = html(admin.token(), adminPage);
        assertEquals(200, page.statusCode(), page.asString());
        assertEquals(PAGE, page.asString());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("sandbox allow-scripts"), csp);
        assertFalse(csp.contains("allow-same-origin") || csp.contains("allow-top-navigation") || csp.contains("allow-forms"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertTrue(page.header("Content-Disposition").startsWith("inline"), page.header("Content-Disposition"));
        // the plain download of the same file stays an attachment under the strict policy
        Response download = given().auth().oauth2(admin.token()).get("/api/v1/files/" + adminPage + "/content");
        assertTrue(download.header("Content-Disposition").startsWith("attachment"), download.header("Content-Disposition"));
        assertFalse(download.header("Content-Security-Policy").contains("allow-scripts"));
    }

    @Test
    void readersAreTheOwnerAnyAdminAndWhoeverReadsAKnowledgeBaseHoldingIt() {
        assertEquals(200, html(otherAdmin.token(), adminPage).statusCode());
        Response hidden = html(stranger.token(), adminPage);
        assertEquals(404, hidden.statusCode());
        assertTrue(hidden.jsonPath().getString("detail").length() > 0, hidden.asString());
        TestUsers.execute("INSERT INTO knowledge (id, user_id, name, description, data, meta, access_control, created_at, updated_at) "
                        + "VALUES (?, ?, 'pages', '', ?::jsonb, NULL, ?::jsonb, 0, 0)",
                UUID.randomUUID().toString(), admin.id(), "{\"file_ids\":[\"" + adminPage + "\"]}",
                "{\"read\":{\"user_ids\":[\"" + user.id() + "\"],\"group_ids\":[]},\"write\":{\"user_ids\":[],\"group_ids\":[]}}");
        assertEquals(200, html(user.token(), adminPage).statusCode());
        assertEquals(404, html(stranger.token(), adminPage).statusCode());
    }

    @Test
    void aUsersOwnHtmlUploadIsNeverServedAsAPageNotEvenToThemOrAnAdmin() {
        String own = Uploads.uploadOk(user.token(), "mine.html", PAGE.getBytes(StandardCharsets.UTF_8), "text/html");
        assertEquals(404, html(user.token(), own).statusCode());
        assertEquals(404, html(admin.token(), own).statusCode());
        assertEquals(200, given().auth().oauth2(user.token()).get("/api/v1/files/" + own + "/content").statusCode(), "still downloadable");
    }

    @Test
    void anonymousPendingAndUnknownIdsAreRefused() {
        assertEquals(403, given().get("/api/v1/files/" + adminPage + "/content/html").statusCode());
        assertEquals(401, html(TestUsers.create(Roles.PENDING).token(), adminPage).statusCode());
        assertEquals(404, html(admin.token(), UUID.randomUUID().toString()).statusCode());
    }

    private static Response html(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/files/" + id + "/content/html");
    }
}
