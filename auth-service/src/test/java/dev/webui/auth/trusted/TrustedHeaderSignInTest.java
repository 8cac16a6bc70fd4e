package dev.webui.auth.trusted;

import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.webui.auth.Api.anonymous;
import static dev.webui.auth.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behind an authenticating proxy; also checks the strict SameSite setting. */
@QuarkusTest
@TestProfile(TrustedHeaderSignInTest.BehindProxy.class)
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class TrustedHeaderSignInTest {
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("WEBUI_AUTH_TRUSTED_EMAIL_HEADER", "X-Forwarded-Email", "WEBUI_AUTH_TRUSTED_NAME_HEADER", "X-Forwarded-User",
                    "WEBUI_AUTH_COOKIE_SAME_SITE", "strict", "WEBUI_AUTH_COOKIE_SECURE", "true",
                    "WEBUI_AUTH_SIGNOUT_REDIRECT_URL", "https://sso.example.com/logout");
        }
    }

    private static Response signIn(String email, String name) {
        var request = anonymous().body(Map.of("email", "", "password", ""));
        if (email != null) {
            request.header("X-Forwarded-Email", email);
        }
        if (name != null) {
            request.header("X-Forwarded-User", name);
        }
        return request.post("/api/v1/auths/signin");
    }

    @Test
    void theProxysHeaderNamesTheAccountWhichIsCreatedOnFirstSight() {
        Response first = signIn("Proxy.User@Example.com", "Proxy User");
        first.then().statusCode(200).body("email", equalTo("proxy.user@example.com")).body("name", equalTo("Proxy User"))
                .body("role", equalTo("admin"));
        Response cookie = first;
        assertEquals("Strict", cookie.detailedCookie("token").getSameSite());
        assertTrue(cookie.detailedCookie("token").isSecured());
        assertTrue(cookie.detailedCookie("token").isHttpOnly());
        Response again = signIn("proxy.user@example.com", null);
        again.then().statusCode(200).body("id", equalTo(first.path("id").toString()));
        Response second = signIn("someone.else@example.com", null);
        second.then().statusCode(200).body("name", equalTo("someone.else@example.com")).body("role", equalTo("pending"));
        as(second.path("token").toString()).get("/api/v1/auths/").then().statusCode(200);
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        signIn(null, "Nobody").then().statusCode(400).body("detail", containsString("trusted"));
        signIn("not an address", null).then().statusCode(400);
    }

    @Test
    void signOutNamesTheConfiguredRedirect() {
        Response out = anonymous().get("/api/v1/auths/signout");
        out.then().statusCode(200).body("status", equalTo(true)).body("redirect_url", equalTo("https://sso.example.com/logout"));
        assertTrue(out.detailedCookie("token").isSecured());
    }
}
