package dev.webui.files.web;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.FakeEmbeddingsServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * bench/websearch: the pipeline's time around the engine and the page fetches, from the engine's
 * hits to the context the model gets, with 5 pages of about 50 KB on loopback. The engine answers
 * at once and the embeddings come from an instant OpenAI-compatible fake, so what is measured is
 * ours: fetching over loopback, extraction, chunking, the embedding calls' round trips, storing,
 * and the retrieval query. Not a test (no *Test name): run it with -Dtest=WebSearchBench.
 * Knobs: -Dbench.runs (30), -Dbench.warmup (5). Writes target/websearch-bench.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = WebTestEnvironment.class, restrictToAnnotatedClass = true)
class WebSearchBench {
    static {
        // the embeddings fake is a JDK HttpServer: without this, delayed ACKs add ~40 ms to each of its answers
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @Test
    void searchResultsToContext() throws IOException {
        int runs = Integer.getInteger("bench.runs", 30);
        int warmup = Integer.getInteger("bench.warmup", 5);
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        try (FakeEmbeddingsServer embeddings = new FakeEmbeddingsServer()) {
            given().auth().oauth2(admin.token()).contentType("application/json")
                    .body(Map.of("embedding_engine", "openai", "embedding_model", "fake-embed",
                            "openai_config", Map.of("url", embeddings.baseUrl(), "key", "k")))
                    .post("/api/v1/retrieval/embedding/update").then().statusCode(200);
            configure(admin, Map.of("WEB_SEARCH_ENGINE", "searxng", "SEARXNG_QUERY_URL", WebTestEnvironment.web.base() + "/searxng/search",
                    "WEB_SEARCH_RESULT_COUNT", 5, "ENABLE_RAG_LOCAL_WEB_FETCH", true, "BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", false));
            List<Double> embedded = measure(runs, warmup, i -> {
                String collection = given().auth().oauth2(user.token()).contentType("application/json")
                        .body(Map.of("queries", List.of("bench " + i))).post("/api/v1/retrieval/process/web/search")
                        .then().statusCode(200).body("loaded_count", equalTo(5)).extract().path("collection_names[0]");
                given().auth().oauth2(user.token()).contentType("application/json")
                        .body(Map.of("collection_names", List.of(collection), "query", "river sediment estuary"))
                        .post("/api/v1/retrieval/query/collection").then().statusCode(200);
            });
            configure(admin, Map.of("BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL", true));
            List<Double> whole = measure(runs, warmup, i -> given().auth().oauth2(user.token()).contentType("application/json")
                    .body(Map.of("queries", List.of("bench whole " + i))).post("/api/v1/retrieval/process/web/search")
                    .then().statusCode(200).body("loaded_count", equalTo(5)));
            String report = String.format("websearch bench: 5 pages of ~%d KB, %d runs after %d warm-up%n"
                            + "embedded and retrieved: p50 %.0f ms, p90 %.0f ms%n"
                            + "whole pages (BYPASS_WEB_SEARCH_EMBEDDING_AND_RETRIEVAL): p50 %.0f ms, p90 %.0f ms%n",
                    FakeWeb.bigPage("1").length() / 1024, runs, warmup,
                    percentile(embedded, 50), percentile(embedded, 90), percentile(whole, 50), percentile(whole, 90));
            System.out.print(report);
            Files.writeString(Path.of("target", "websearch-bench.txt"), report);
        } finally {
            given().auth().oauth2(admin.token()).contentType("application/json")
                    .body(Map.of("embedding_engine", "", "embedding_model", "sentence-transformers/all-MiniLM-L6-v2"))
                    .post("/api/v1/retrieval/embedding/update").then().statusCode(200);
        }
    }

    private static void configure(TestUser admin, Map<String, Object> web) {
        given().auth().oauth2(admin.token()).contentType("application/json").body(Map.of("web", web))
                .post("/api/v1/retrieval/config/update").then().statusCode(200);
    }

    private static List<Double> measure(int runs, int warmup, IntConsumer run) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            run.accept(i);
            if (i >= warmup) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
