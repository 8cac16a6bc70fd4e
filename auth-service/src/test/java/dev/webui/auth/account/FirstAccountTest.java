package dev.webui.auth.account;

import dev.webui.auth.Api;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.webui.auth.Api.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Racing first sign-ups on an empty database: exactly one becomes the primary admin. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class FirstAccountTest {
    @Test
    void exactlyOneOfRacingFirstSignUpsBecomesAdminAndSignUpCloses() throws Exception {
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String email = "racer" + i + "@example.com";
            Callable<Response> signUp = () -> {
                start.await();
                return Api.signUp("Racer", email, PASSWORD);
            };
            results.add(pool.submit(signUp));
        }
        start.countDown();
        int admins = 0;
        int ok = 0;
        for (Future<Response> f : results) {
            Response r = f.get();
            if (r.statusCode() == 200) {
                ok++;
                admins += "admin".equals(r.path("role")) ? 1 : 0;
            } else {
                // a racer that arrived after the first account existed meets the closed sign-up
                assertEquals(403, r.statusCode(), r.asString());
            }
        }
        pool.shutdown();
        assertEquals(1, admins, "exactly one admin among " + ok + " successful sign-ups");
        assertEquals(1L, Api.queryOne("SELECT count(*) FROM \"user\" WHERE role = 'admin'"));
        assertEquals(1L, Api.queryOne("SELECT count(*) FROM \"user\" WHERE is_primary_admin"));
        assertEquals((long) ok - 1, Api.queryOne("SELECT count(*) FROM \"user\" WHERE role = 'pending'"));
        assertEquals(false, Api.queryOne("SELECT (data->'ui'->>'enable_signup')::boolean FROM config ORDER BY id DESC LIMIT 1"));
        Api.signUp("Late", "late@example.com", PASSWORD).then().statusCode(403);
    }
}
