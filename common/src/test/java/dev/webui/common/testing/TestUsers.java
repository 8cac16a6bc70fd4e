package dev.webui.common.testing;

import dev.webui.common.auth.JwtService;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Creates users straight in the running test's database and mints tokens for them. */
public final class TestUsers {
    private TestUsers() {
    }

    public record TestUser(String id, String email, String role, String token, String apiKey) {
    }

    public static TestUser create(String role) {
        String id = UUID.randomUUID().toString();
        String email = role + "-" + id.substring(0, 8) + "@example.com";
        String apiKey = "sk-" + UUID.randomUUID().toString().replace("-", "");
        long now = Instant.now().getEpochSecond();
        execute("INSERT INTO \"user\" (id, name, email, role, profile_image_url, api_key, created_at, updated_at, last_active_at) "
                + "VALUES (?, ?, ?, ?, '/user.png', ?, ?, ?, ?)", id, "Test " + role, email, role, apiKey, now, now, now);
        return new TestUser(id, email, role, jwt().issue(id, Optional.of(Instant.now().plusSeconds(3600))), apiKey);
    }

    public static void execute(String sql, Object... params) {
        withStatement(sql, params, PreparedStatement::executeUpdate);
    }

    /** The first column of the first row of a query, as a long (0 for SQL NULL). */
    public static long queryLong(String sql, Object... params) {
        return withStatement(sql, params, s -> {
            try (var rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return rows.getLong(1);
            }
        });
    }

    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private static <T> T withStatement(String sql, Object[] params, StatementWork<T> work) {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.migrations.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.migrations.username", String.class);
        try (Connection c = DriverManager.getConnection(url, user, null); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return work.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JwtService with the running test's secret. */
    public static JwtService jwt() {
        return new JwtService(ConfigProvider.getConfig().getValue("WEBUI_SECRET_KEY", String.class));
    }
}
