package dev.webui.auth;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Calls the running service the way the frontend does, and peeks into its database. */
public final class Api {
    public static final String PASSWORD = "s3cret-Passw0rd";

    private Api() {
    }

    public record Session(String id, String email, String token, String role) {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public static Response signUp(String name, String email, String password) {
        return anonymous().body(Map.of("name", name, "email", email, "password", password, "profile_image_url", "")).post("/api/v1/auths/signup");
    }

    public static Response signIn(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password)).post("/api/v1/auths/signin");
    }

    private static final Map<String, Session> ADMINS = new ConcurrentHashMap<>();

    /**
     * The primary admin of the running test's database: the first sign-up, which closes sign-up
     * (as in Open WebUI); the admin opens it again so tests can sign more people up.
     */
    public static Session admin() {
        String database = ConfigProvider.getConfig().getValue("quarkus.datasource.migrations.jdbc.url", String.class);
        return ADMINS.computeIfAbsent(database, db -> {
            Session admin = session(signUp("Primary Admin", "admin@example.com", PASSWORD).then().statusCode(200).extract().response());
            as(admin.token()).body(Map.of("ENABLE_SIGNUP", true)).post("/api/v1/auths/admin/config").then().statusCode(200);
            return admin;
        });
    }

    /** A new account through the public sign-up form (pending unless DEFAULT_USER_ROLE says otherwise). */
    public static Session newAccount() {
        admin();
        String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return session(signUp("Someone", email, PASSWORD).then().statusCode(200).extract().response());
    }

    /** A new account with the given role (set by the admin after sign-up). */
    public static Session newAccount(String role) {
        Session s = newAccount();
        if (!role.equals(s.role())) {
            as(admin().token()).body(Map.of("role", role, "name", "Someone", "email", s.email()))
                    .post("/api/v1/users/" + s.id() + "/update").then().statusCode(200);
        }
        return new Session(s.id(), s.email(), s.token(), role);
    }

    public static Session session(Response response) {
        return new Session(response.path("id"), response.path("email"), response.path("token"), response.path("role"));
    }

    public static Object queryOne(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.migrations.jdbc.url", String.class),
                config.getValue("quarkus.datasource.migrations.username", String.class), null);
    }
}
