package dev.webui.auth.account;

import dev.webui.auth.Api;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TokenSpellings;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.webui.auth.Api.PASSWORD;
import static dev.webui.auth.Api.anonymous;
import static dev.webui.auth.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = TestEnvironment.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SignUpAndSignInTest {
    private static final Set<String> SESSION_USER = Set.of("token", "token_type", "expires_at", "id", "email", "name", "role",
            "profile_image_url", "permissions");

    private static String email() {
        return "Mixed.Case-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
    }

    @Test
    void signUpAnswersTheSessionUserWithCookieAndNormalisedEmail() {
        Api.admin();
        String email = email();
        long before = Instant.now().getEpochSecond();
        Response r = Api.signUp("  Ada Lovelace ", email, PASSWORD);
        r.then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("email", equalTo(email.toLowerCase()))
                .body("name", equalTo("Ada Lovelace"))
                .body("role", equalTo("pending"))
                .body("profile_image_url", equalTo("/user.png"))
                .body("permissions.chat.delete", equalTo(true))
                .body("permissions.workspace.models", equalTo(false))
                .body("permissions.features.direct_tool_servers", equalTo(false));
        assertEquals(SESSION_USER, r.jsonPath().getMap("$").keySet());
        long expiresAt = r.jsonPath().getLong("expires_at");
        // default JWT_EXPIRES_IN is 4w
        assertTrue(expiresAt >= before + 28 * 86400 && expiresAt <= Instant.now().getEpochSecond() + 28 * 86400, "expires_at " + expiresAt);
        Cookie cookie = r.detailedCookie("token");
        assertEquals(r.path("token"), cookie.getValue());
        assertTrue(cookie.isHttpOnly());
        assertFalse(cookie.isSecured());
        assertEquals("/", cookie.getPath());
        assertEquals("Lax", cookie.getSameSite());
        assertEquals(expiresAt, cookie.getExpiryDate().toInstant().getEpochSecond());
        assertEquals(expiresAt, TestUsers.jwt().verify(r.path("token")).orElseThrow().expiresAt());
        assertEquals(r.path("id"), TestUsers.jwt().verify(r.path("token")).orElseThrow().userId());
    }

    @Test
    void badSignUpsAreRefusedWithReasons() {
        Api.admin();
        Api.signUp("A", "not-an-email", PASSWORD).then().statusCode(400).body("detail", containsString("e-mail"));
        Api.signUp("", email(), PASSWORD).then().statusCode(400).body("detail", containsString("name"));
        Api.signUp("x".repeat(256), email(), PASSWORD).then().statusCode(400).body("detail", containsString("255"));
        Api.signUp("A", email(), "").then().statusCode(400).body("detail", containsString("password"));
        // 73 bytes in UTF-8 although only 37 characters
        Api.signUp("A", email(), "é".repeat(36) + "x").then().statusCode(400).body("detail", containsString("72 bytes"));
        anonymous().body("{\"name\": 1, ").post("/api/v1/auths/signup").then().statusCode(400);
        anonymous().post("/api/v1/auths/signup").then().statusCode(400).body("detail", containsString("body"));
    }

    @Test
    void seventyTwoBytePasswordsWorkAndAreNotTruncated() {
        Api.admin();
        String email = email();
        String password = "p".repeat(72);
        Api.signUp("Long", email, password).then().statusCode(200);
        Api.signIn(email, password).then().statusCode(200);
        Api.signIn(email, "p".repeat(71)).then().statusCode(400);
        Api.signIn(email, password + "x").then().statusCode(400).body("detail", containsString("72 bytes"));
    }

    @Test
    void emailIsTakenWhateverItsCase() {
        Api.admin();
        String email = email();
        Api.signUp("One", email, PASSWORD).then().statusCode(200);
        Api.signUp("Two", email.toUpperCase(), PASSWORD).then().statusCode(400).body("detail", containsString("already exists"));
        assertEquals(1L, Api.queryOne("SELECT count(*) FROM \"user\" WHERE lower(email) = lower(?)", email));
    }

    @Test
    void signInComparesEmailCaseInsensitivelyAndRejectsWrongPasswords() {
        Api.admin();
        String email = email();
        Api.signUp("Grace", email, PASSWORD).then().statusCode(200);
        Response r = Api.signIn(" " + email.toUpperCase() + " ", PASSWORD);
        r.then().statusCode(200).body("email", equalTo(email.toLowerCase()));
        assertEquals(SESSION_USER, r.jsonPath().getMap("$").keySet());
        assertNotNull(r.detailedCookie("token"));
        Api.signIn(email, PASSWORD + "!").then().statusCode(400).body("detail", equalTo(AccountService.WRONG_CREDENTIALS));
        Api.signIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD).then().statusCode(400)
                .body("detail", equalTo(AccountService.WRONG_CREDENTIALS));
        anonymous().body(Map.of("email", email)).post("/api/v1/auths/signin").then().statusCode(400);
    }

    @Test
    void inactiveCredentialsCannotSignIn() {
        Api.Session s = Api.newAccount();
        TestUsers.execute("UPDATE auth SET active = false WHERE id = ?", s.id());
        Api.signIn(s.email(), PASSWORD).then().statusCode(400);
    }

    @Test
    void hashesFromOtherBcryptImplementationsSignIn() {
        Api.admin();
        // made with: htpasswd -bnBC 12 "" 'Correct horse battery staple!'   (Debian apache2-utils, $2y$)
        String htpasswd = "$2y$12$.SN7SqWUjtclPkD2QhWOaOWzm40lCja.plOToRNfJ4CRYUFz15MEy";
        // the same digest under the $2b$ prefix Open WebUI (passlib) writes, and the older $2a$
        String[] hashes = {htpasswd, htpasswd.replace("$2y$", "$2b$"), htpasswd.replace("$2y$", "$2a$")};
        for (String hash : hashes) {
            String email = email().toLowerCase();
            TestUsers.execute("INSERT INTO \"user\" (id, name, email, role, created_at, updated_at, last_active_at) VALUES (?, 'Imported', ?, 'user', 0, 0, 0)",
                    UUID.randomUUID().toString(), email);
            TestUsers.execute("INSERT INTO auth (id, email, password) SELECT id, email, ? FROM \"user\" WHERE email = ?", hash, email);
            Api.signIn(email, "Correct horse battery staple!").then().statusCode(200).body("role", equalTo("user"));
            Api.signIn(email, "Correct horse battery staple").then().statusCode(400);
        }
    }

    @Test
    void argon2HashesOfImportedAccountsSignInAndANewPasswordIsBcrypt() {
        Api.admin();
        // made with the reference implementation (Debian package argon2), as argon2-cffi writes them for Open WebUI:
        //   echo -n 'Correct horse battery staple!' | argon2 somesaltvalue16 -id -t 3 -m 16 -p 4 -l 32 -e
        //   echo -n 'Correct horse battery staple!' | argon2 anothersalt12345 -i -t 2 -m 12 -p 1 -l 32 -e
        String[] hashes = {"$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHR2YWx1ZTE2$UVE1isM6xokhTUZrSIHz3+PRF33i6IGg+TtFgz1j+dI",
                "$argon2i$v=19$m=4096,t=2,p=1$YW5vdGhlcnNhbHQxMjM0NQ$YfTPSqiqGs/YioK6i0hcAF5bLE+tB6LRi5iJ9LSMmtU"};
        for (String hash : hashes) {
            String email = email().toLowerCase();
            String id = UUID.randomUUID().toString();
            TestUsers.execute("INSERT INTO \"user\" (id, name, email, role, created_at, updated_at, last_active_at) VALUES (?, 'Imported', ?, 'user', 0, 0, 0)",
                    id, email);
            TestUsers.execute("INSERT INTO auth (id, email, password) VALUES (?, ?, ?)", id, email, hash);
            Api.signIn(email, "Correct horse battery staple").then().statusCode(400);
            String token = Api.signIn(email, "Correct horse battery staple!").then().statusCode(200).extract().path("token");
            // a malformed or absurd argon2 hash never signs in (nor allocates what it asks for)
            TestUsers.execute("UPDATE auth SET password = ? WHERE id = ?", hash.replaceFirst("m=\\d+", "m=99999999"), id);
            Api.signIn(email, "Correct horse battery staple!").then().statusCode(400);
            TestUsers.execute("UPDATE auth SET password = ? WHERE id = ?", hash, id);
            as(token).body(Map.of("password", "Correct horse battery staple!", "new_password", "a new one"))
                    .post("/api/v1/auths/update/password").then().statusCode(200);
            assertTrue(((String) Api.queryOne("SELECT password FROM auth WHERE id = ?", id)).startsWith("$2b$12$"));
            Api.signIn(email, "a new one").then().statusCode(200);
        }
    }

    @Test
    void liveHtpasswdHashSignsInWhenAvailable() throws Exception {
        Api.admin();
        Process p;
        try {
            p = new ProcessBuilder("htpasswd", "-bnBC", "10", "", "an0ther pass").redirectErrorStream(true).start();
        } catch (java.io.IOException notInstalled) {
            return; // the embedded hash above covers this machine
        }
        String hash = new String(p.getInputStream().readAllBytes()).trim().replaceFirst("^:", "");
        assertEquals(0, p.waitFor());
        String email = email().toLowerCase();
        TestUsers.execute("INSERT INTO \"user\" (id, name, email, role, created_at, updated_at, last_active_at) VALUES (?, 'Imported', ?, 'user', 0, 0, 0)",
                UUID.randomUUID().toString(), email);
        TestUsers.execute("INSERT INTO auth (id, email, password) SELECT id, email, ? FROM \"user\" WHERE email = ?", hash, email);
        Api.signIn(email, "an0ther pass").then().statusCode(200);
    }

    @Test
    void newHashesAreBcrypt2bWithTheDocumentedCost() {
        Api.Session s = Api.newAccount();
        String hash = (String) Api.queryOne("SELECT password FROM auth WHERE id = ?", s.id());
        assertTrue(hash.startsWith("$2b$12$"), hash);
    }

    @Test
    void sessionEndpointResetsTheCookieAndAddsProfileFields() {
        Api.Session s = Api.newAccount();
        Response r = as(s.token()).get("/api/v1/auths/");
        r.then().statusCode(200).body("id", equalTo(s.id())).body("token", equalTo(s.token())).body("bio", nullValue())
                .body("gender", nullValue()).body("date_of_birth", nullValue()).body("role", equalTo("pending"));
        Set<String> expected = new java.util.HashSet<>(SESSION_USER);
        expected.addAll(Set.of("bio", "gender", "date_of_birth"));
        assertEquals(expected, r.jsonPath().getMap("$").keySet());
        assertEquals(s.token(), r.detailedCookie("token").getValue());
        assertEquals(r.jsonPath().getLong("expires_at"), r.detailedCookie("token").getExpiryDate().toInstant().getEpochSecond());
        // the cookie alone authenticates, as for <img> URLs
        anonymous().cookie("token", s.token()).get("/api/v1/auths").then().statusCode(200).body("id", equalTo(s.id()));
        anonymous().get("/api/v1/auths/").then().statusCode(403).body("detail", equalTo("Not authenticated"));
        as("garbage").get("/api/v1/auths/").then().statusCode(401);
        String expired = TestUsers.jwt().issue(s.id(), java.util.Optional.of(Instant.now().minusSeconds(5)));
        as(expired).get("/api/v1/auths/").then().statusCode(401);
    }

    @Test
    void signOutRevokesTheTokenAndClearsTheCookie() {
        Api.Session s = Api.newAccount();
        as(s.token()).get("/api/v1/auths/").then().statusCode(200);
        Response out = as(s.token()).get("/api/v1/auths/signout");
        out.then().statusCode(200).body("status", equalTo(true));
        assertEquals(Set.of("status"), out.jsonPath().getMap("$").keySet());
        Cookie cleared = out.detailedCookie("token");
        assertEquals("", cleared.getValue());
        assertEquals(0, cleared.getMaxAge());
        as(s.token()).get("/api/v1/auths/").then().statusCode(401);
        anonymous().cookie("token", s.token()).get("/api/v1/auths/").then().statusCode(401);
        for (String respelled : TokenSpellings.respelled(s.token())) {
            as(respelled).get("/api/v1/auths/").then().statusCode(401);
            anonymous().cookie("token", respelled).get("/api/v1/auths/").then().statusCode(401);
        }
        // signing out without a session is harmless
        anonymous().get("/api/v1/auths/signout").then().statusCode(200).body("status", equalTo(true));
        // signing in again gives a fresh, working token
        as(Api.signIn(s.email(), PASSWORD).path("token").toString()).get("/api/v1/auths/").then().statusCode(200);
    }

    @Test
    void cookieSignOutRevokesTheCookieToken() {
        Api.Session s = Api.newAccount();
        anonymous().cookie("token", s.token()).get("/api/v1/auths/signout").then().statusCode(200);
        as(s.token()).get("/api/v1/auths/").then().statusCode(401);
    }

    @Test
    void profileUpdate() {
        Api.Session s = Api.newAccount("user");
        Response r = as(s.token()).body(Map.of("name", "New Name", "profile_image_url", "data:image/png;base64,iVBORw0KGgo=",
                "bio", "Hi", "gender", "female", "date_of_birth", "1990-02-03")).post("/api/v1/auths/update/profile");
        r.then().statusCode(200).body("name", equalTo("New Name")).body("bio", equalTo("Hi")).body("date_of_birth", equalTo("1990-02-03"))
                .body("profile_image_url", equalTo("data:image/png;base64,iVBORw0KGgo="));
        assertEquals(Set.of("id", "name", "email", "role", "profile_image_url", "bio", "gender", "date_of_birth", "info", "settings",
                "oauth_sub", "last_active_at", "updated_at", "created_at"), r.jsonPath().getMap("$").keySet());
        as(s.token()).get("/api/v1/auths/").then().body("name", equalTo("New Name")).body("gender", equalTo("female"))
                .body("date_of_birth", equalTo("1990-02-03"));
        as(s.token()).body(Map.of("name", "X", "date_of_birth", "03/02/1990")).post("/api/v1/auths/update/profile").then().statusCode(400);
        as(s.token()).body(Map.of("name", " ")).post("/api/v1/auths/update/profile").then().statusCode(400);
    }

    @Test
    void passwordUpdateNeedsTheCurrentPassword() {
        Api.Session s = Api.newAccount();
        as(s.token()).body(Map.of("password", "wrong", "new_password", "n3w-password")).post("/api/v1/auths/update/password")
                .then().statusCode(400);
        as(s.token()).body(Map.of("password", PASSWORD, "new_password", "x".repeat(73))).post("/api/v1/auths/update/password")
                .then().statusCode(400).body("detail", containsString("72 bytes"));
        as(s.token()).body(Map.of("password", PASSWORD, "new_password", "n3w-password")).post("/api/v1/auths/update/password")
                .then().statusCode(200).body(equalTo("true"));
        Api.signIn(s.email(), PASSWORD).then().statusCode(400);
        Api.signIn(s.email(), "n3w-password").then().statusCode(200);
    }

    @Test
    void adminDetailsNameThePrimaryAdmin() {
        Api.Session admin = Api.admin();
        Api.Session pending = Api.newAccount();
        Response r = as(pending.token()).get("/api/v1/auths/admin/details");
        r.then().statusCode(200).body("name", equalTo("Primary Admin")).body("email", equalTo(admin.email()));
        assertEquals(Set.of("name", "email"), r.jsonPath().getMap("$").keySet());
    }

    @Test
    void adminAddsAccounts() {
        Api.Session admin = Api.admin();
        String email = email();
        Response r = as(admin.token()).body(Map.of("name", "Added", "email", email, "password", "added-pass", "role", "user"))
                .post("/api/v1/auths/add");
        r.then().statusCode(200).body("email", equalTo(email.toLowerCase())).body("role", equalTo("user")).body("token_type", equalTo("Bearer"));
        assertEquals(Set.of("token", "token_type", "id", "email", "name", "role", "profile_image_url"), r.jsonPath().getMap("$").keySet());
        as(r.path("token").toString()).get("/api/v1/auths/").then().statusCode(200).body("id", equalTo(r.path("id").toString()));
        Api.signIn(email, "added-pass").then().statusCode(200);
        as(admin.token()).body(Map.of("name", "Added", "email", email(), "password", "p", "role", "owner")).post("/api/v1/auths/add")
                .then().statusCode(400);
        as(admin.token()).body(Map.of("name", "Again", "email", email, "password", "p")).post("/api/v1/auths/add").then().statusCode(400);
        Response pendingDefault = as(admin.token()).body(Map.of("name", "P", "email", email(), "password", "p")).post("/api/v1/auths/add");
        pendingDefault.then().statusCode(200).body("role", equalTo("pending"));
    }

    @Test
    void apiKeysCanBeCreatedReadUsedAndDeleted() {
        Api.Session s = Api.newAccount("user");
        as(s.token()).get("/api/v1/auths/api_key").then().statusCode(404);
        String key = as(s.token()).post("/api/v1/auths/api_key").then().statusCode(200).extract().path("api_key");
        assertTrue(key.matches("sk-[0-9a-f]{32}"), key);
        as(s.token()).get("/api/v1/auths/api_key").then().statusCode(200).body("api_key", equalTo(key));
        as(key).get("/api/v1/auths/").then().statusCode(200).body("id", equalTo(s.id()));
        String replacement = as(s.token()).post("/api/v1/auths/api_key").then().statusCode(200).extract().path("api_key");
        as(key).get("/api/v1/auths/").then().statusCode(401);
        as(replacement).get("/api/v1/auths/").then().statusCode(200);
        as(s.token()).delete("/api/v1/auths/api_key").then().statusCode(200).body(equalTo("true"));
        as(replacement).get("/api/v1/auths/").then().statusCode(401);
        as(s.token()).get("/api/v1/auths/api_key").then().statusCode(404);
    }

    @Test
    void anApiKeyCannotMintOrDeleteApiKeys() {
        Api.Session s = Api.newAccount("user");
        String key = as(s.token()).post("/api/v1/auths/api_key").then().statusCode(200).extract().path("api_key");
        as(key).post("/api/v1/auths/api_key").then().statusCode(403).body("detail", containsString("signed-in session"));
        as(key).delete("/api/v1/auths/api_key").then().statusCode(403);
        as(key).get("/api/v1/auths/api_key").then().statusCode(200).body("api_key", equalTo(key));
        as(key).get("/api/v1/auths/").then().statusCode(200);
    }

    @Test
    void sessionChecksWriteLastActiveAtMostOnceAMinute() {
        Api.Session s = Api.newAccount("user");
        as(s.token()).get("/api/v1/auths/").then().statusCode(200);
        long recent = Instant.now().getEpochSecond() - 30;
        TestUsers.execute("UPDATE \"user\" SET last_active_at = ? WHERE id = ?", recent, s.id());
        for (int i = 0; i < 3; i++) {
            as(s.token()).get("/api/v1/auths/").then().statusCode(200);
        }
        assertEquals(recent, TestUsers.queryLong("SELECT last_active_at FROM \"user\" WHERE id = ?", s.id()),
                "a session check within the minute writes nothing");
    }
}
