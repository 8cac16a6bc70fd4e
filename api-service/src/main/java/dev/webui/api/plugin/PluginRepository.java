package dev.webui.api.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.OwnerSummary;
import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads and changes the tool and function tables (rows imported from Open WebUI; Python plugins
 * are not run here) and the valves users keep for them in their settings.
 */
@ApplicationScoped
public class PluginRepository {
    /** Open WebUI lists a tool's user valves when its module defines them; the source is the only sign left of that here. */
    private static final String HAS_USER_VALVES = "(t.content LIKE '%class UserValves%') AS has_user_valves";
    private static final String TOOL_COLUMNS = "id, user_id, name, content, specs::text AS specs, meta::text AS meta, "
            + "access_control::text AS access_control, updated_at, created_at";
    private static final String FUNCTION_COLUMNS = "id, user_id, type, name, content, meta::text AS meta, valves::text AS valves, "
            + "is_active, is_global, updated_at, created_at";

    private final Pool pool;
    private final JsonText json;

    public PluginRepository(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<List<Tool>> tools() {
        return pool.query("SELECT t.id, t.user_id, t.name, t.meta::text AS meta, t.access_control::text AS access_control, "
                + "t.updated_at, t.created_at, " + HAS_USER_VALVES + ", " + OwnerSummary.COLUMNS
                + " FROM tool t LEFT JOIN \"user\" u ON u.id = t.user_id ORDER BY t.updated_at DESC, t.id").execute()
                .map(rows -> list(rows, row -> new Tool(row.getString("id"), row.getString("user_id"), row.getString("name"),
                        json.read(row.getString("meta")), json.read(row.getString("access_control")),
                        row.getLong("updated_at"), row.getLong("created_at"), OwnerSummary.of(row), row.getBoolean("has_user_valves"))));
    }

    public Uni<List<ToolModel>> toolModels() {
        return pool.query("SELECT " + TOOL_COLUMNS + " FROM tool ORDER BY updated_at DESC, id").execute()
                .map(rows -> list(rows, this::toolModel));
    }

    public Uni<ToolModel> tool(String id) {
        return pool.preparedQuery("SELECT " + TOOL_COLUMNS + " FROM tool WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toolModel(rows.iterator().next()));
    }

    public Uni<List<PluginFunction>> functions() {
        return pool.query("SELECT id, user_id, type, name, meta::text AS meta, is_active, is_global, updated_at, created_at "
                + "FROM function ORDER BY updated_at DESC, id").execute()
                .map(rows -> list(rows, row -> new PluginFunction(row.getString("id"), row.getString("user_id"), row.getString("type"),
                        row.getString("name"), json.read(row.getString("meta")), row.getBoolean("is_active"),
                        row.getBoolean("is_global"), row.getLong("updated_at"), row.getLong("created_at"))));
    }

    public Uni<List<FunctionModel>> functionModels(boolean withValves) {
        return pool.query("SELECT " + FUNCTION_COLUMNS + " FROM function ORDER BY updated_at DESC, id").execute()
                .map(rows -> list(rows, row -> functionModel(row, withValves)));
    }

    public Uni<FunctionModel> function(String id) {
        return pool.preparedQuery("SELECT " + FUNCTION_COLUMNS + " FROM function WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : functionModel(rows.iterator().next(), false));
    }

    /** Flips {@code is_active} or {@code is_global}; null when there is no such function. */
    public Uni<FunctionModel> toggle(String id, boolean global) {
        String column = global ? "is_global" : "is_active";
        return pool.preparedQuery("UPDATE function SET " + column + " = NOT " + column + ", updated_at = $2 WHERE id = $1 RETURNING "
                + FUNCTION_COLUMNS).execute(Tuple.of(id, now()))
                .map(rows -> rows.size() == 0 ? null : functionModel(rows.iterator().next(), false));
    }

    public Uni<Boolean> delete(PluginTable table, String id) {
        return pool.preparedQuery("DELETE FROM " + table.table + " WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    /** The stored valves ({@code {}} when none were saved), or null when there is no such row. */
    public Uni<JsonNode> valves(PluginTable table, String id) {
        return pool.preparedQuery("SELECT coalesce(valves, '{}'::jsonb)::text AS valves FROM " + table.table + " WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : json.read(rows.iterator().next().getString("valves")));
    }

    public Uni<JsonNode> saveValves(PluginTable table, String id, JsonNode valves) {
        return pool.preparedQuery("UPDATE " + table.table + " SET valves = $2::text::jsonb, updated_at = $3 WHERE id = $1")
                .execute(Tuple.of(id, json.write(valves), now())).replaceWith(valves);
    }

    /** The valves the user keeps for the plugin in their settings, {@code {}} when none. */
    public Uni<JsonNode> userValves(PluginTable table, String id, String userId) {
        return pool.preparedQuery("SELECT coalesce(settings -> $2 -> 'valves' -> $3, '{}'::jsonb)::text AS valves FROM \"user\" WHERE id = $1")
                .execute(Tuple.of(userId, table.settingsKey, id))
                .map(rows -> json.read(rows.size() == 0 ? "{}" : rows.iterator().next().getString("valves")));
    }

    /** Stores the user's valves under {@code settings.<tools|functions>.valves.<id>}, leaving the rest of the settings as they are. */
    public Uni<JsonNode> saveUserValves(PluginTable table, String id, String userId, JsonNode valves) {
        return pool.preparedQuery("UPDATE \"user\" SET settings = coalesce(settings, '{}'::jsonb) || jsonb_build_object($2::text, "
                + "coalesce(settings -> $2, '{}'::jsonb) || jsonb_build_object('valves', "
                + "coalesce(settings -> $2 -> 'valves', '{}'::jsonb) || jsonb_build_object($3::text, $4::text::jsonb))) WHERE id = $1")
                .execute(Tuple.of(userId, table.settingsKey, id, json.write(valves))).replaceWith(valves);
    }

    private ToolModel toolModel(Row row) {
        return new ToolModel(row.getString("id"), row.getString("user_id"), row.getString("name"), row.getString("content"),
                json.read(row.getString("specs")), json.read(row.getString("meta")), json.read(row.getString("access_control")),
                row.getLong("updated_at"), row.getLong("created_at"));
    }

    private FunctionModel functionModel(Row row, boolean withValves) {
        return new FunctionModel(row.getString("id"), row.getString("user_id"), row.getString("type"), row.getString("name"),
                row.getString("content"), json.read(row.getString("meta")), withValves ? json.read(row.getString("valves")) : null,
                row.getBoolean("is_active"), row.getBoolean("is_global"), row.getLong("updated_at"), row.getLong("created_at"));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(map.apply(row));
        }
        return list;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
