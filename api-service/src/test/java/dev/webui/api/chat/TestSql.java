package dev.webui.api.chat;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Direct reads of the test database, to check what was (not) written. */
public final class TestSql {
    private TestSql() {
    }

    public static List<String> strings(String sql, Object... params) {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.migrations.jdbc.url", String.class),
                config.getValue("quarkus.datasource.migrations.username", String.class), null);
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String insertChat(String userId, String title, long updatedAt) {
        String id = UUID.randomUUID().toString();
        dev.webui.common.testing.TestUsers.execute("INSERT INTO chat (id, user_id, title, created_at, updated_at, chat) "
                + "VALUES (?, ?, ?, ?, ?, '{}')", id, userId, title, updatedAt, updatedAt);
        return id;
    }
}
