package dev.webui.api.plugin;

import dev.webui.api.access.OwnerSummary;
import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Reads the tool and function tables (rows imported from Open WebUI; Python plugins are not run here). */
@ApplicationScoped
public class PluginRepository {
    private final Pool pool;
    private final JsonText json;

    public PluginRepository(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<List<Tool>> tools() {
        return pool.query("SELECT t.id, t.user_id, t.name, t.meta::text AS meta, t.access_control::text AS access_control, "
                + "t.updated_at, t.created_at, " + OwnerSummary.COLUMNS + " FROM tool t LEFT JOIN \"user\" u ON u.id = t.user_id "
                + "ORDER BY t.updated_at DESC, t.id").execute().map(rows -> {
                    List<Tool> list = new ArrayList<>();
                    for (Row row : rows) {
                        list.add(new Tool(row.getString("id"), row.getString("user_id"), row.getString("name"),
                                json.read(row.getString("meta")), json.read(row.getString("access_control")),
                                row.getLong("updated_at"), row.getLong("created_at"), OwnerSummary.of(row)));
                    }
                    return list;
                });
    }

    public Uni<List<PluginFunction>> functions() {
        return pool.query("SELECT id, user_id, type, name, meta::text AS meta, is_active, is_global, updated_at, created_at "
                + "FROM function ORDER BY updated_at DESC, id").execute().map(rows -> {
                    List<PluginFunction> list = new ArrayList<>();
                    for (Row row : rows) {
                        list.add(new PluginFunction(row.getString("id"), row.getString("user_id"), row.getString("type"),
                                row.getString("name"), json.read(row.getString("meta")), row.getBoolean("is_active"),
                                row.getBoolean("is_global"), row.getLong("updated_at"), row.getLong("created_at")));
                    }
                    return list;
                });
    }
}
