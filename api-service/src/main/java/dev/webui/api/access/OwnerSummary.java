package dev.webui.api.access;

/** The owner's public fields, as list answers of prompts, notes, feedback and tools show them. */
public record OwnerSummary(String id, String name, String email, String role, String profileImageUrl) {
    public static final String COLUMNS = "u.id AS u_id, u.name AS u_name, u.email AS u_email, u.role AS u_role, "
            + "u.profile_image_url AS u_image";

    public static OwnerSummary of(io.vertx.mutiny.sqlclient.Row row) {
        return row.getString("u_id") == null ? null : new OwnerSummary(row.getString("u_id"), row.getString("u_name"),
                row.getString("u_email"), row.getString("u_role"), row.getString("u_image"));
    }
}
