package dev.webui.files.web;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /retrieval/process/web/search and /process/web against fake engines and a site on loopback. */
@QuarkusTest
@QuarkusTestResource(value = WebTestEnvironment.class, restrictToAnnotatedClass = true)
class WebSearchTest {
    TestUser user;
    TestUser admin;
    FakeWeb web;

    @BeforeEach
    void setUp() {
        web = WebTestEnvironment.web;
        user = TestUsers.create(Roles.USER);
        admin = TestUsers.create(Roles.ADMIN);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("WEB_SEARCH_ENGINE", "searxng");
        defaults.put("SEARXNG_QUERY_URL", web.base() + "/searxng/search?q=<query>");
        defaults.put("WEB_SEARCH_RESULT_COUNT", 3);
        defaults.put("WEB_SEARCH_DOMAIN_FILTER_LIST", List.of());
        defaults.put("BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", false);
        defaults.put("BYPASS_WEB_SEARCH_WEB_LOADER", false);
        defaults.put("ENABLE_RAG_LOCAL_WEB_FETCH", true);
        defaults.put("WEB_LOADER_LOCAL_ALLOWLIST", List.of());
        defaults.put("BRAVE_SEARCH_API_KEY", "");
        configure(defaults);
    }

    void configure(Map<String, Object> web) {
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("web", web))
                .post("/api/v1/retrieval/config/update").then().statusCode(200);
    }

    ValidatableResponse search(TestUser caller, String... queries) {
        return given().auth().oauth2(caller.token()).contentType("application/json").body(Map.of("queries", List.of(queries)))
                .post("/api/v1/retrieval/process/web/search").then();
    }

    ValidatableResponse processWeb(String url) {
        return given().auth().oauth2(user.token()).contentType("application/json").body(Map.of("url", url))
                .post("/api/v1/retrieval/process/web").then();
    }

    @Test
    @SuppressWarnings("unchecked")
    void searxngHitsAreFetchedEmbeddedAndRetrievableByTheirOwnerOnly() {
        Map<String, Object> answer = search(user, "river facts").statusCode(200)
                .body("status", equalTo(true))
                .body("collection_names", hasSize(1))
                .body("collection_names[0]", startsWith("web-search-"))
                .body("loaded_count", equalTo(3))
                .extract().path("");
        assertTrue(web.searxngQueries.contains("river facts"));
        // best score first, as SearXNG ranks them
        assertEquals(List.of(web.page("beta"), "http://localhost:" + web.port() + "/page/gamma", web.page("alpha")), answer.get("filenames"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
        assertEquals(Map.of("link", web.page("beta"), "title", "Beta", "snippet", "beta snippet"), items.get(0));

        String collection = ((List<String>) answer.get("collection_names")).get(0);
        Map<String, Object> found = given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("collection_names", List.of(collection), "query", "beta rivers sediment", "k", 5))
                .post("/api/v1/retrieval/query/collection").then().statusCode(200).extract().path("");
        List<String> documents = ((List<List<String>>) found.get("documents")).get(0);
        List<Map<String, Object>> metadatas = ((List<List<Map<String, Object>>>) found.get("metadatas")).get(0);
        assertEquals(3, documents.size());
        int beta = metadatas.stream().map(m -> m.get("source")).toList().indexOf(web.page("beta"));
        assertTrue(documents.get(beta).contains(FakeWeb.text("beta")), documents.toString());
        assertEquals("Page beta", metadatas.get(beta).get("title"));
        assertEquals("About beta", metadatas.get(beta).get("description"));
        assertTrue(documents.stream().noneMatch(d -> d.contains("SCRIPT-TEXT") || d.contains("color:red")), "scripts and styles are not text");

        TestUser stranger = TestUsers.create(Roles.USER);
        given().auth().oauth2(stranger.token()).contentType("application/json")
                .body(Map.of("collection_name", collection, "query", "beta")).post("/api/v1/retrieval/query/doc")
                .then().statusCode(404);
        // the same queries by someone else land in a collection of their own
        search(stranger, "river facts").statusCode(200).body("collection_names[0]", not(equalTo(collection)));
    }

    @Test
    void bypassingTheEmbeddingHandsBackWholePages() {
        configure(Map.of("BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", true, "WEB_SEARCH_RESULT_COUNT", 1));
        search(user, "one page").statusCode(200)
                .body("collection_name", nullValue())
                .body("filenames", equalTo(List.of(web.page("beta"))))
                .body("docs", hasSize(1))
                .body("docs[0].content", containsString(FakeWeb.text("beta")))
                .body("docs[0].content", containsString("first\nsecond"))
                .body("docs[0].metadata.source", equalTo(web.page("beta")))
                .body("docs[0].metadata.language", equalTo("en"))
                .body("loaded_count", equalTo(1));
    }

    @Test
    void theDomainFilterAndTheSnippetBypassApply() {
        configure(Map.of("WEB_SEARCH_DOMAIN_FILTER_LIST", List.of("localhost"), "BYPASS_WEB_SEARCH_WEB_LOADER", true,
                "BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", true));
        int served = web.pagesServed.size();
        search(user, "filtered").statusCode(200)
                .body("filenames", equalTo(List.of("http://localhost:" + web.port() + "/page/gamma")))
                .body("docs[0].content", equalTo("gamma snippet"));
        assertEquals(served, web.pagesServed.size(), "no page is fetched when the loader is bypassed");
    }

    @Test
    void braveIsCalledWithItsKeyAndAWrongKeyIsReported() {
        configure(Map.of("WEB_SEARCH_ENGINE", "brave"));
        search(user, "anything").statusCode(400).body("detail", containsString("BRAVE_SEARCH_API_KEY"));
        configure(Map.of("BRAVE_SEARCH_API_KEY", "wrong"));
        search(user, "anything").statusCode(400).body("detail", containsString("brave answered HTTP 401"));
        configure(Map.of("BRAVE_SEARCH_API_KEY", FakeWeb.BRAVE_KEY, "BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", true));
        search(user, "anything").statusCode(200).body("filenames", equalTo(List.of(web.page("delta"))))
                .body("items[0].snippet", equalTo("delta snippet"));
    }

    @Test
    void aFailingOrSilentEngineIsAClearError() {
        search(user, "boom").statusCode(400).body("detail", containsString("searxng answered HTTP 500"));
        search(user, "stall").statusCode(400).body("detail", containsString("did not answer within 2 s"));
        configure(Map.of("WEB_SEARCH_ENGINE", "altavista"));
        search(user, "x").statusCode(400).body("detail", containsString("not supported"));
        configure(Map.of("WEB_SEARCH_ENGINE", ""));
        search(user, "x").statusCode(400).body("detail", containsString("No web search engine"));
    }

    @Test
    void badSearchRequestsAreRefused() {
        given().auth().oauth2(user.token()).contentType("application/json").body(Map.of())
                .post("/api/v1/retrieval/process/web/search").then().statusCode(400).body("detail", containsString("queries"));
        search(user, " ").statusCode(400);
        search(user, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k").statusCode(400).body("detail", containsString("At most"));
        given().contentType("application/json").body(Map.of("queries", List.of("x")))
                .post("/api/v1/retrieval/process/web/search").then().statusCode(403);
    }

    @Test
    void aPageIsStoredAsTheCallersCollection() {
        Map<String, Object> answer = processWeb(web.page("epsilon")).statusCode(200)
                .body("status", equalTo(true))
                .body("filename", equalTo(web.page("epsilon")))
                .body("file.data.content", containsString(FakeWeb.text("epsilon")))
                .body("file.meta.name", equalTo(web.page("epsilon")))
                .body("file.meta.source", equalTo(web.page("epsilon")))
                .extract().path("");
        String collection = (String) answer.get("collection_name");
        given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("collection_name", collection, "query", "epsilon facts")).post("/api/v1/retrieval/query/doc")
                .then().statusCode(200).body("documents[0][0]", containsString("epsilon rivers"));

        processWeb("ftp://example.com/file").statusCode(400).body("detail", containsString("invalid"));
        processWeb(web.base() + "/file.pdf").statusCode(400).body("detail", containsString("not a web page"));
        processWeb(web.base() + "/missing").statusCode(400).body("detail", containsString("HTTP 404"));
        given().auth().oauth2(user.token()).contentType("application/json").body(Map.of())
                .post("/api/v1/retrieval/process/web").then().statusCode(400).body("detail", containsString("url"));
    }

    @Test
    void privateAddressesAreRefusedOnEveryHopUnlessAllowed() {
        configure(Map.of("ENABLE_RAG_LOCAL_WEB_FETCH", false));
        int served = web.pagesServed.size();
        processWeb(web.page("zeta")).statusCode(400).body("detail", containsString("private, loopback or link-local"));
        processWeb("http://[::1]:" + web.port() + "/page/zeta").statusCode(400).body("detail", containsString("private, loopback"));
        assertEquals(served, web.pagesServed.size(), "nothing was fetched");
        // search results on private hosts are left out
        search(user, "river facts").statusCode(200).body("loaded_count", equalTo(0)).body("filenames", hasSize(0));

        // an admin allows one host: its pages load, but a redirect from it to the metadata address is refused
        configure(Map.of("WEB_LOADER_LOCAL_ALLOWLIST", List.of("127.0.0.1")));
        processWeb(web.page("zeta")).statusCode(200).body("file.data.content", containsString(FakeWeb.text("zeta")));
        processWeb(web.base() + "/redirect?to=http://169.254.169.254/latest/meta-data/").statusCode(400)
                .body("detail", containsString("169.254.169.254"));
        processWeb(web.base() + "/redirect?to=http://10.1.2.3/internal").statusCode(400)
                .body("detail", containsString("private, loopback or link-local"));
        processWeb(web.base() + "/redirect?to=/page/eta").statusCode(200).body("file.data.content", containsString(FakeWeb.text("eta")));
        assertFalse(web.pagesServed.contains("/latest/meta-data/"));
    }

    @Test
    void youtubeNeedsANetworkThatReachesIt() {
        given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
                .post("/api/v1/retrieval/process/youtube").then().statusCode(400)
                .body("detail", containsString("YouTube could not be reached"));
        given().auth().oauth2(user.token()).contentType("application/json")
                .body(Map.of("url", "https://example.com/watch?v=1"))
                .post("/api/v1/retrieval/process/youtube").then().statusCode(400)
                .body("detail", containsString("Not a YouTube video link"));
    }
}
