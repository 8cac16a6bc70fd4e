package dev.webui.api.utils;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.webui.api.support.Api.anonymous;
import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

/** /api/v1/utils and the changelog. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class UtilsTest {
    @Test
    void gravatarHashesTheTrimmedLowerCasedAddress() {
        // SHA-256 of "test@example.com"
        as(TestUsers.create(Roles.USER)).queryParam("email", "  Test@Example.COM ").get("/api/v1/utils/gravatar").then().statusCode(200)
                .body(equalTo("\"https://www.gravatar.com/avatar/973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b?d=mp\""));
        as(TestUsers.create(Roles.USER)).get("/api/v1/utils/gravatar").then().statusCode(400);
        anonymous().queryParam("email", "a@b.c").get("/api/v1/utils/gravatar").then().statusCode(403);
        as(TestUsers.create(Roles.PENDING)).queryParam("email", "a@b.c").get("/api/v1/utils/gravatar").then().statusCode(401);
    }

    @Test
    void markdownBecomesHtmlWithRawHtmlEscaped() {
        as(TestUsers.create(Roles.USER)).body(Map.of("md", "# Title\n\n**bold** [x](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x</script>"))
                .post("/api/v1/utils/markdown").then().statusCode(200)
                .body("html", equalTo("<h1>Title</h1>\n<p><strong>bold</strong> <a rel=\"nofollow\" href=\"\">x</a></p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n"
                        + "<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"
                        + "<p>&lt;script&gt;x&lt;/script&gt;</p>\n"));
        as(TestUsers.create(Roles.USER)).body(Map.of("md", 3)).post("/api/v1/utils/markdown").then().statusCode(400)
                .body("detail", equalTo("'md' must be a text"));
    }

    @Test
    void adminDownloadsThatCannotExistHereAreRefused() {
        as(TestUsers.create(Roles.ADMIN)).get("/api/v1/utils/db/download").then().statusCode(400)
                .body("detail", equalTo("This feature is only available when running with SQLite databases."));
        as(TestUsers.create(Roles.USER)).get("/api/v1/utils/db/download").then().statusCode(401);
        as(TestUsers.create(Roles.ADMIN)).get("/api/v1/utils/litellm/config").then().statusCode(404)
                .body("detail", startsWith("There is no bundled LiteLLM"));
    }

    @Test
    void changelogIsOursInTheStockShape() {
        anonymous().get("/api/changelog").then().statusCode(200)
                .body("$", hasKey("0.6.32")).body("'0.6.32'.date", equalTo("2026-12-06"))
                .body("'0.6.32'.added[0].title", equalTo("Pipelines"))
                .body("'0.6.32'.added[0].raw", startsWith("<p><strong>Pipelines</strong>: Admin &gt; Pipelines"));
    }

    @Test
    void pwaManifestAndOpenSearchNameTheSite() {
        anonymous().get("/manifest.json").then().statusCode(200)
                .body("name", equalTo("Open WebUI")).body("start_url", equalTo("/")).body("icons[1].purpose", equalTo("maskable"));
        String xml = anonymous().get("/opensearch.xml").then().statusCode(200)
                .header("Content-Type", startsWith("application/xml")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(xml.contains("<ShortName>Open WebUI</ShortName>"), xml);
        org.junit.jupiter.api.Assertions.assertTrue(xml.matches("(?s).*template=\"http://[^\"]+/\\?q=\\{searchTerms}\".*"), xml);
    }
}
