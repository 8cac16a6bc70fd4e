package dev.webui.auth.ldap;

import dev.webui.auth.Api;
import dev.webui.common.testing.TestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.webui.auth.Api.anonymous;
import static dev.webui.auth.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = LdapTestServer.class, restrictToAnnotatedClass = true)
class LdapSignInTest {
    private static Response ldap(String user, String password) {
        return anonymous().body(Map.of("user", user, "password", password)).post("/api/v1/auths/ldap");
    }

    @Test
    void firstSignInCreatesTheAccountAndLaterOnesReuseIt() {
        Api.admin();
        Response r = ldap("Alice", "alice-pw");
        r.then().statusCode(200).body("email", equalTo("alice@example.org")).body("name", equalTo("Alice Liddell"))
                .body("role", equalTo("pending")).body("token_type", equalTo("Bearer"));
        assertEquals(Set.of("token", "token_type", "expires_at", "id", "email", "name", "role", "profile_image_url", "permissions"),
                r.jsonPath().getMap("$").keySet());
        assertTrue(r.detailedCookie("token").isHttpOnly());
        as(r.path("token").toString()).get("/api/v1/auths/").then().statusCode(200).body("email", equalTo("alice@example.org"));
        ldap("alice", "alice-pw").then().statusCode(200).body("id", equalTo(r.path("id").toString()));
        assertEquals(1L, Api.queryOne("SELECT count(*) FROM \"user\" WHERE email = 'alice@example.org'"));
        // the local password of an LDAP account is unusable
        Api.signIn("alice@example.org", "alice-pw").then().statusCode(400);
    }

    @Test
    void directoryRefusalsAreGeneric400s() {
        Api.admin();
        ldap("alice", "wrong").then().statusCode(400).body("detail", equalTo(LdapSignIn.REFUSED));
        ldap("nobody", "x").then().statusCode(400).body("detail", equalTo(LdapSignIn.REFUSED));
        // bob exists but LDAP_SEARCH_FILTERS leaves him out
        ldap("bob", "bob-pw").then().statusCode(400).body("detail", equalTo(LdapSignIn.REFUSED));
        // filter metacharacters are escaped, never interpreted
        ldap("*", "alice-pw").then().statusCode(400).body("detail", equalTo(LdapSignIn.REFUSED));
        ldap("alice)(uid=*", "alice-pw").then().statusCode(400);
        ldap("carol", "carol-pw").then().statusCode(400).body("detail", containsString("e-mail"));
        anonymous().body(Map.of("user", "alice", "password", "")).post("/api/v1/auths/ldap").then().statusCode(400);
        anonymous().body(Map.of("user", "alice")).post("/api/v1/auths/ldap").then().statusCode(400);
    }

    @Test
    void anExistingAccountWithTheDirectoryEmailIsUsed() {
        Api.admin();
        Api.Session dave = Api.session(Api.signUp("Dave", "DAVE@example.org", Api.PASSWORD).then().statusCode(200).extract().response());
        ldap("dave", "dave-pw").then().statusCode(200).body("id", equalTo(dave.id()));
    }

    @Test
    void adminCanSwitchLdapOffAndRedefineTheServer() {
        String admin = Api.admin().token();
        as(admin).get("/api/v1/auths/admin/config/ldap").then().statusCode(200).body("ENABLE_LDAP", equalTo(true));
        Response server = as(admin).get("/api/v1/auths/admin/config/ldap/server");
        server.then().statusCode(200).body("host", equalTo("127.0.0.1")).body("search_base", equalTo(LdapTestServer.PEOPLE))
                .body("attribute_for_username", equalTo("uid")).body("use_tls", equalTo(false))
                .body("search_filters", equalTo("(employeeType=webui)"));
        assertEquals(Set.of("label", "host", "port", "attribute_for_mail", "attribute_for_username", "app_dn", "app_dn_password",
                "search_base", "search_filters", "use_tls", "certificate_path", "validate_cert", "ciphers"), server.jsonPath().getMap("$").keySet());

        as(admin).body(Map.of("enable_ldap", false)).post("/api/v1/auths/admin/config/ldap").then().statusCode(200).body("ENABLE_LDAP", equalTo(false));
        ldap("alice", "alice-pw").then().statusCode(400).body("detail", containsString("not enabled"));
        as(admin).body(Map.of("enable_ldap", "no")).post("/api/v1/auths/admin/config/ldap").then().statusCode(400);
        as(admin).body(Map.of("enable_ldap", true)).post("/api/v1/auths/admin/config/ldap").then().statusCode(200);

        Map<String, Object> definition = server.jsonPath().getMap("$");
        Map<String, Object> broken = new java.util.HashMap<>(definition);
        broken.put("port", 1);
        as(admin).body(broken).post("/api/v1/auths/admin/config/ldap/server").then().statusCode(200).body("port", equalTo(1));
        ldap("alice", "alice-pw").then().statusCode(400).body("detail", containsString("could not be reached"));
        Map<String, Object> missing = new java.util.HashMap<>(definition);
        missing.put("host", "");
        as(admin).body(missing).post("/api/v1/auths/admin/config/ldap/server").then().statusCode(400).body("detail", containsString("host"));
        Map<String, Object> badFilter = new java.util.HashMap<>(definition);
        badFilter.put("search_filters", "(((");
        as(admin).body(badFilter).post("/api/v1/auths/admin/config/ldap/server").then().statusCode(400);
        as(admin).body(definition).post("/api/v1/auths/admin/config/ldap/server").then().statusCode(200);
        ldap("alice", "alice-pw").then().statusCode(200);
    }

    @Test
    void repeatedFailuresAreThrottled() {
        Api.admin();
        for (int i = 0; i < 5; i++) {
            anonymous().header("X-Forwarded-For", "203.0.113.50").body(Map.of("user", "mallory", "password", "guess" + i))
                    .post("/api/v1/auths/ldap").then().statusCode(400);
        }
        Response refused = anonymous().header("X-Forwarded-For", "203.0.113.51").body(Map.of("user", "Mallory", "password", "x"))
                .post("/api/v1/auths/ldap");
        refused.then().statusCode(429);
        assertTrue(Long.parseLong(refused.getHeader("Retry-After")) > 0);
    }
}
