package dev.webui.auth.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.core.json.JsonColumns;
import io.vertx.mutiny.sqlclient.Row;

import java.time.LocalDate;

/** A row of the "user" table (without the API key, which is read only where it is shown). */
public record User(String id, String name, String email, String role, String profileImageUrl, String bio,
                   String gender, LocalDate dateOfBirth, JsonNode info, JsonNode settings, String oauthSub,
                   long lastActiveAt, long updatedAt, long createdAt, boolean primaryAdmin) {
    /** Select list matching {@link #from(Row)}. */
    public static final String COLUMNS = "u.id, u.name, u.email, u.role, u.profile_image_url, u.bio, u.gender, u.date_of_birth, "
            + "u.info::text AS info, u.settings::text AS settings, u.oauth_sub, u.last_active_at, u.updated_at, "
            + "u.created_at, u.is_primary_admin";

    public static User from(Row row) {
        return new User(row.getString("id"), row.getString("name"), row.getString("email"), row.getString("role"),
                row.getString("profile_image_url"), row.getString("bio"), row.getString("gender"),
                row.getLocalDate("date_of_birth"), JsonColumns.read(row.getString("info")),
                JsonColumns.read(row.getString("settings")), row.getString("oauth_sub"), row.getLong("last_active_at"),
                row.getLong("updated_at"), row.getLong("created_at"), row.getBoolean("is_primary_admin"));
    }

    public boolean isAdmin() {
        return "admin".equals(role);
    }
}
