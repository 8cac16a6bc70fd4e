package dev.webui.auth.permission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.auth.settings.StoredConfigRepository;
import dev.webui.common.error.ApiException;
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
 * Permissions (§1.6): the admin's default permissions (config path {@code user.permissions} over
 * the built-in defaults), and a user's effective permissions, where any group granting a flag wins.
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
        return stored.load().map(data -> {
            ObjectNode result = DefaultPermissions.create();
            Object saved = StoredConfigRepository.get(data, PATH);
            if (saved instanceof JsonObject json) {
                overlay(result, JsonColumns.read(json.encode()), false);
            }
            return result;
        });
    }

    public Uni<ObjectNode> saveDefaults(JsonNode permissions) {
        checkShape(permissions);
        return stored.write(Map.of(PATH, new JsonObject(JsonColumns.write(permissions)))).chain(this::defaults);
    }

    public Uni<ObjectNode> effective(String userId) {
        return defaults().chain(result -> groupPermissions(userId).map(groups -> {
            groups.forEach(group -> overlay(result, group, true));
            return result;
        }));
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

    /** Copies boolean flags of {@code source} onto {@code target}; with {@code grantOnly} only true flags. */
    private static void overlay(ObjectNode target, JsonNode source, boolean grantOnly) {
        source.fields().forEachRemaining(category -> {
            if (!category.getValue().isObject()) {
                return;
            }
            JsonNode existing = target.get(category.getKey());
            ObjectNode into = existing instanceof ObjectNode o ? o : target.putObject(category.getKey());
            category.getValue().fields().forEachRemaining(flag -> {
                if (flag.getValue().isBoolean() && (!grantOnly || flag.getValue().booleanValue())) {
                    into.put(flag.getKey(), flag.getValue().booleanValue());
                }
            });
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
