package dev.webui.auth.permission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.auth.settings.StoredConfigRepository;
import dev.webui.common.error.ApiException;
import dev.webui.core.permission.Permissions;
import dev.webui.core.json.JsonColumns;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Feature permissions: the admin's default permissions (config path {@code user.permissions}) and
 * a user's effective permissions, merged by the one rule of common-core ({@link Permissions}).
 */
@ApplicationScoped
public class PermissionService {
    static final String PATH = "user.permissions";

    private final StoredConfigRepository stored;
    private final Pool pool;

    public PermissionService(StoredConfigRepository stored, Pool pool) {
        this.stored = stored;
        this.pool = pool;
    }

    public Uni<ObjectNode> defaults() {
        return storedDefaults().map(Permissions::defaults);
    }

    public Uni<ObjectNode> saveDefaults(JsonNode permissions) {
        checkShape(permissions);
        return stored.write(Map.of(PATH, new JsonObject(JsonColumns.write(permissions)))).chain(this::defaults);
    }

    public Uni<ObjectNode> effective(String userId) {
        return storedDefaults().chain(saved -> groupPermissions(userId).map(groups -> Permissions.effective(saved, groups)));
    }

    private Uni<JsonNode> storedDefaults() {
        return stored.load().map(data -> StoredConfigRepository.get(data, PATH) instanceof JsonObject json
                ? JsonColumns.read(json.encode()) : null);
    }

    private Uni<List<JsonNode>> groupPermissions(String userId) {
        return pool.preparedQuery("SELECT g.permissions::text AS permissions FROM \"group\" g JOIN group_member m ON m.group_id = g.id "
                        + "WHERE m.user_id = $1").execute(Tuple.of(userId))
                .map(rows -> {
                    List<JsonNode> out = new ArrayList<>();
                    rows.forEach(row -> {
                        JsonNode node = JsonColumns.read(row.getString("permissions"));
                        if (node != null && node.isObject()) {
                            out.add(node);
                        }
                    });
                    return out;
                });
    }

    /** Permissions are an object of categories, each an object of true/false flags. */
    public static void checkShape(JsonNode permissions) {
        if (permissions == null || !permissions.isObject()) {
            throw ApiException.badRequest("permissions must be an object such as {\"chat\": {\"delete\": true}}.");
        }
        permissions.fields().forEachRemaining(category -> {
            if (!category.getValue().isObject()) {
                throw ApiException.badRequest("permissions." + category.getKey() + " must be an object of true/false flags.");
            }
            category.getValue().fields().forEachRemaining(flag -> {
                if (!flag.getValue().isBoolean()) {
                    throw ApiException.badRequest("permissions." + category.getKey() + "." + flag.getKey() + " must be true or false.");
                }
            });
        });
    }
}
