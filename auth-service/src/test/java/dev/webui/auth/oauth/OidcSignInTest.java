package dev.webui.auth.oauth;

import dev.webui.auth.Api;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.webui.auth.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorization code flow end to end over HTTP, the way a browser walks it: our login URL,
 * the provider's login and consent forms, the callback, and our token in a cookie for /auth.
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcTestProvider.class, restrictToAnnotatedClass = true)
class OidcSignInTest {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    /** A cookie-keeping client that follows nothing by itself. */
    private static final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI authorizationRequest;

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Walks from our login URL through the provider's forms until our service sends the browser to /auth. */
        HttpResponse<String> signIn(String login) throws IOException, InterruptedException {
            URI uri = service("/oauth/oidc/login");
            for (int step = 0; step < 20; step++) {
                HttpResponse<String> r = get(uri);
                while (r.statusCode() == 200 && FORM_ACTION.matcher(r.body()).find()) {
                    Matcher m = FORM_ACTION.matcher(r.body());
                    m.find();
                    URI action = r.uri().resolve(m.group(1));
                    StringBuilder form = new StringBuilder();
                    Matcher hidden = HIDDEN.matcher(r.body());
                    while (hidden.find()) {
                        form.append(hidden.group(1)).append('=').append(URLEncoder.encode(hidden.group(2), StandardCharsets.UTF_8)).append('&');
                    }
                    if (r.body().contains("name=\"login\"")) {
                        form.append("login=").append(URLEncoder.encode(login, StandardCharsets.UTF_8)).append("&password=any");
                    }
                    r = post(action, form.toString());
                }
                Optional<String> location = r.headers().firstValue("Location");
                if (r.statusCode() / 100 != 3 || location.isEmpty()) {
                    throw new AssertionError("unexpected " + r.statusCode() + " at " + r.uri() + ": " + r.body());
                }
                uri = r.uri().resolve(location.get());
                if (uri.getPort() == OidcTestProvider.servicePort && uri.getPath().equals("/auth")) {
                    return r;
                }
                if (uri.getPort() == OidcTestProvider.providerPort && uri.getPath().equals("/auth") && authorizationRequest == null) {
                    authorizationRequest = uri;
                }
            }
            throw new AssertionError("too many redirects");
        }

        Optional<HttpCookie> setCookie(HttpResponse<?> r, String name) {
            return r.headers().allValues("Set-Cookie").stream().flatMap(h -> HttpCookie.parse(h).stream())
                    .filter(c -> c.getName().equals(name)).findFirst();
        }
    }

    @BeforeEach
    void provider() {
        OidcTestProvider.ensureRunning(RestAssured.port);
    }

    private static URI landing(HttpResponse<?> r) {
        return r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
    }

    private static URI service(String path) {
        return URI.create("http://127.0.0.1:" + OidcTestProvider.servicePort + path);
    }

    @Test
    void codeFlowWithPkceEndsWithOurTokenInAReadableCookie() throws Exception {
        Api.admin();
        String group = UUID.randomUUID().toString();
        TestUsers.execute("INSERT INTO \"group\" (id, name, created_at, updated_at) VALUES (?, 'Staff', 0, 0)", group);
        Browser browser = new Browser();
        HttpResponse<String> done = browser.signIn("alice");
        assertEquals(service("/auth"), landing(done));

        String query = browser.authorizationRequest.getQuery();
        assertTrue(query.contains("code_challenge_method=S256") && query.contains("code_challenge="), query);
        assertTrue(query.contains("state="), query);
        assertTrue(query.contains("client_id=" + OidcTestProvider.CLIENT_ID), query);

        HttpCookie token = browser.setCookie(done, "token").orElseThrow();
        assertFalse(token.isHttpOnly(), "the UI reads the token from this cookie");
        assertTrue(browser.setCookie(done, "q_session_oidc").map(c -> c.getMaxAge() == 0).orElse(false), "the OIDC session cookie is dropped");
        String userId = TestUsers.jwt().verify(token.getValue()).orElseThrow().userId();
        as(token.getValue()).get("/api/v1/auths/").then().statusCode(200).body("id", equalTo(userId))
                .body("email", equalTo("alice@example.org")).body("name", equalTo("Name alice")).body("role", equalTo("user"));
        assertEquals("oidc@alice", Api.queryOne("SELECT oauth_sub FROM \"user\" WHERE id = ?", userId));
        assertEquals(1L, Api.queryOne("SELECT count(*) FROM group_member WHERE user_id = ? AND group_id = ?", userId, group));

        // the next sign-in finds the same account
        HttpResponse<String> again = new Browser().signIn("alice");
        String second = new Browser().setCookie(again, "token").orElseThrow().getValue();
        assertEquals(userId, TestUsers.jwt().verify(second).orElseThrow().userId());
    }

    @Test
    void providerRolesDecideTheRoleOrRefuse() throws Exception {
        Api.admin();
        HttpResponse<String> admin = new Browser().signIn("admin-bob");
        String token = new Browser().setCookie(admin, "token").orElseThrow().getValue();
        as(token).get("/api/v1/auths/").then().body("role", equalTo("admin"));

        HttpResponse<String> blocked = new Browser().signIn("blocked-carol");
        URI location = landing(blocked);
        assertEquals("/auth", location.getPath());
        assertTrue(location.getQuery().startsWith("error="), location.toString());
        assertTrue(new Browser().setCookie(blocked, "token").isEmpty());
        assertEquals(0L, Api.queryOne("SELECT count(*) FROM \"user\" WHERE email = 'blocked-carol@example.org'"));
    }

    @Test
    void anExistingAccountIsMergedByEmail() throws Exception {
        Api.Session dave = Api.session(Api.signUp("Dave", "dave@example.org", Api.PASSWORD).then().statusCode(200).extract().response());
        HttpResponse<String> done = new Browser().signIn("dave");
        String token = new Browser().setCookie(done, "token").orElseThrow().getValue();
        assertEquals(dave.id(), TestUsers.jwt().verify(token).orElseThrow().userId());
    }

    @Test
    void aForgedCallbackIsRefused() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get(service("/oauth/oidc/login"));
        assertEquals(302, start.statusCode());
        HttpResponse<String> forged = browser.get(service("/oauth/oidc/login/callback?code=forged&state=" + UUID.randomUUID()));
        assertNotEquals(200, forged.statusCode());
        assertTrue(browser.setCookie(forged, "token").isEmpty());
        List<String> locations = forged.headers().allValues("Location");
        // quarkus-oidc answers a state it did not issue by starting over at the provider, never with a session
        assertFalse(locations.stream().map(l -> forged.uri().resolve(l)).anyMatch(l -> l.equals(service("/auth"))), locations.toString());
    }
}
