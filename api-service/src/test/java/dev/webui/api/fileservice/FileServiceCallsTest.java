package dev.webui.api.fileservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.calls.ServiceGuards;
import dev.webui.api.calls.ServiceRefused;
import dev.webui.api.calls.ServiceUnavailable;
import dev.webui.api.completion.FakeFileServiceResource;
import dev.webui.api.support.FakeFileService;
import dev.webui.common.http.RequestIds;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** api-service's calls to file-service over real sockets: retries, error mapping, timeout, request id. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeFileServiceResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "timeout-seconds", value = "1"))
class FileServiceCallsTest {
    private static final String QUERY = "/api/v1/retrieval/query/collection";
    private static final String RANK = "/api/v1/retrieval/rank";

    FakeFileService files;
    @Inject
    FileService fileService;
    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void freshFake() {
        files.reset();
    }

    @AfterEach
    void noRequestId() {
        MDC.remove(RequestIds.MDC_KEY);
    }

    private JsonNode query() {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("collection_names").add("file-nothing");
        body.put("query", "anything");
        return fileService.queryCollection("Bearer someone", body).await().indefinitely();
    }

    private JsonNode rank() {
        ObjectNode body = mapper.createObjectNode();
        body.put("query", "anything");
        body.set("texts", mapper.valueToTree(List.of("a", "b")));
        body.put("k", 1);
        return fileService.rank("Bearer someone", body).await().indefinitely();
    }

    @Test
    void aQueryIsAskedAgainAfterA503() {
        files.failures.add(503);
        JsonNode answer = query();
        assertTrue(answer.has("documents"), answer.toString());
        assertEquals(2, files.attempts(QUERY));
    }

    @Test
    void aRankingIsNotAskedAgainAfterA503() {
        files.failures.add(503);
        ServiceUnavailable failure = assertThrows(ServiceUnavailable.class, this::rank);
        assertEquals("file-service answered 503", failure.getMessage());
        assertEquals(1, files.attempts(RANK));
    }

    @Test
    void a4xxIsARefusalWithItsStatusAndIsNotRepeated() {
        files.failures.add(403);
        ServiceRefused refused = assertThrows(ServiceRefused.class, this::query);
        assertEquals(403, refused.status());
        assertEquals(1, files.attempts(QUERY));
    }

    @Test
    void aServiceThatNeverAnswersTimesOut() {
        files.silent = true;
        ServiceUnavailable failure = assertThrows(ServiceUnavailable.class, this::query);
        assertEquals("file-service did not answer in time", failure.getMessage());
        // the query is safe to repeat: the timeout counted as a failure worth one more attempt
        assertEquals(2, files.attempts(QUERY));
    }

    @Test
    void aServiceThatKeepsFailingIsLeftAloneForAWhile() {
        Guard guard = ServiceGuards.once("flaky-service", Duration.ofSeconds(1));
        AtomicInteger calls = new AtomicInteger();
        Supplier<Uni<String>> failing = () -> {
            calls.incrementAndGet();
            return Uni.createFrom().failure(new ServiceUnavailable("answered 503", null));
        };
        for (int i = 0; i < ServiceGuards.BREAKER_WINDOW; i++) {
            assertThrows(ServiceUnavailable.class, () -> ServiceGuards.call(guard, "flaky-service", failing).await().indefinitely());
        }
        ServiceUnavailable open = assertThrows(ServiceUnavailable.class,
                () -> ServiceGuards.call(guard, "flaky-service", failing).await().indefinitely());
        assertInstanceOf(CircuitBreakerOpenException.class, open.getCause());
        assertEquals(ServiceGuards.BREAKER_WINDOW, calls.get(), "the open breaker did not call the service");
    }

    @Test
    void theRequestIdTravelsWithEveryAttempt() {
        MDC.put(RequestIds.MDC_KEY, "calls-test-1");
        files.failures.add(503);
        query();
        assertEquals(List.of("calls-test-1", "calls-test-1"), files.received.stream().map(FakeFileService.Received::requestId).toList());
    }
}
