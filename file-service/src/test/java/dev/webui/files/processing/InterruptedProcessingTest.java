package dev.webui.files.processing;

import dev.webui.common.auth.Roles;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import dev.webui.files.support.FakeEmbeddingsServer;
import dev.webui.files.support.FilesTestEnvironment;
import dev.webui.files.support.Fixtures;
import dev.webui.files.support.Uploads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica that stops (as a test application does between test classes) interrupts the job its
 * worker is running: the file then says it was interrupted, never that its embeddings endpoint
 * failed or that something unexpected broke, and a job that never started is marked the same way.
 */
@QuarkusTest
@TestProfile(InterruptedProcessingTest.OneWorker.class)
@QuarkusTestResource(value = FilesTestEnvironment.class, restrictToAnnotatedClass = true)
class InterruptedProcessingTest {
    public static class OneWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("FILE_PROCESSING_WORKERS", "1");
        }
    }

    @Inject
    FileProcessor processor;

    @Test
    void stoppingMidJobMarksTheFilesAsInterrupted() throws Exception {
        TestUser admin = TestUsers.create(Roles.ADMIN);
        TestUser user = TestUsers.create(Roles.USER);
        CountDownLatch embedding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (FakeEmbeddingsServer upstream = new FakeEmbeddingsServer()) {
            upstream.beforeAnswer = () -> {
                embedding.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            given().auth().oauth2(admin.token()).contentType("application/json")
                    .body(Map.of("embedding_engine", "openai", "embedding_model", "text-embedding-3-small",
                            "openai_config", Map.of("url", upstream.baseUrl(), "key", "sk-upstream")))
                    .post("/api/v1/retrieval/embedding/update").then().statusCode(200);

            String running = Uploads.uploadOk(user.token(), "running.txt", Fixtures.utf8("Embedded when the replica stops."), "text/plain");
            assertTrue(embedding.await(60, TimeUnit.SECONDS), "the worker is waiting for its embeddings");
            String waiting = Uploads.uploadOk(user.token(), "waiting.txt", Fixtures.utf8("Queued behind it."), "text/plain");
            given().auth().oauth2(user.token()).get("/api/v1/files/" + waiting).then().body("data.status", equalTo("pending"));

            processor.stop();
            // the upstream still holds its answer: only the interrupt can have ended the job
            for (String id : new String[]{running, waiting}) {
                assertEquals("failed", Uploads.awaitProcessed(user.token(), id));
                given().auth().oauth2(user.token()).get("/api/v1/files/" + id).then().statusCode(200)
                        .body("data.error", equalTo(FileProcessor.INTERRUPTED));
            }
            release.countDown();
        }
    }
}
