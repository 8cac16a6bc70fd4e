package dev.webui.auth.user;

import dev.webui.common.error.ApiException;

import java.util.Locale;
import java.util.Map;

/** The orderings the admin user list accepts (never raw input in SQL). */
public record UserOrder(String sql) {
    private static final Map<String, String> COLUMNS = Map.of(
            "name", "lower(u.name)", "email", "lower(u.email)", "role", "u.role",
            "created_at", "u.created_at", "last_active_at", "u.last_active_at", "updated_at", "u.updated_at");

    /** As Open WebUI: newest first when no order is given; any direction but "asc" is descending. */
    public static UserOrder of(String orderBy, String direction) {
        if (orderBy == null || orderBy.isBlank()) {
            return new UserOrder("u.created_at DESC, u.id");
        }
        String column = COLUMNS.get(orderBy.toLowerCase(Locale.ROOT));
        if (column == null) {
            throw ApiException.badRequest("order_by must be one of " + String.join(", ", COLUMNS.keySet().stream().sorted().toList()) + ".");
        }
        String dir = "asc".equalsIgnoreCase(direction) ? "ASC" : "DESC";
        return new UserOrder(column + " " + dir + ", u.id " + dir);
    }
}
