package dev.webui.api.model;

import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The model table (presets), with each owner's public fields for list answers. */
@ApplicationScoped
public class ModelRepository {
    private static final String SELECT = "SELECT m.id, m.user_id, m.base_model_id, m.name, m.params::text AS params, "
            + "m.meta::text AS meta, m.access_control::text AS access_control, m.is_active, m.updated_at, m.created_at, "
            + "u.name AS u_name, u.email AS u_email, u.role AS u_role, u.profile_image_url AS u_image "
            + "FROM model m LEFT JOIN \"user\" u ON u.id = m.user_id";

    private final Pool pool;
    private final JsonText json;

    public ModelRepository(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<List<ModelPreset>> all() {
        return pool.query(SELECT + " ORDER BY m.created_at, m.id").execute().map(this::read);
    }

    public Uni<ModelPreset> find(SqlClient db, String id) {
        return db.preparedQuery(SELECT + " WHERE m.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : read(rows).get(0));
    }

    public Uni<Boolean> insert(SqlClient db, ModelPreset p) {
        return db.preparedQuery("INSERT INTO model (id, user_id, base_model_id, name, params, meta, access_control, is_active, "
                        + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8, $9, $10) "
                        + "ON CONFLICT (id) DO NOTHING")
                .execute(tuple(p)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> upsert(SqlClient db, ModelPreset p) {
        return db.preparedQuery("INSERT INTO model (id, user_id, base_model_id, name, params, meta, access_control, is_active, "
                        + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8, $9, $10) "
                        + "ON CONFLICT (id) DO UPDATE SET base_model_id = excluded.base_model_id, name = excluded.name, "
                        + "params = excluded.params, meta = excluded.meta, access_control = excluded.access_control, "
                        + "is_active = excluded.is_active, updated_at = excluded.updated_at")
                .execute(tuple(p)).replaceWithVoid();
    }

    public Uni<Void> delete(SqlClient db, String id) {
        return db.preparedQuery("DELETE FROM model WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Void> deleteAll(SqlClient db) {
        return db.query("DELETE FROM model").execute().replaceWithVoid();
    }

    private Tuple tuple(ModelPreset p) {
        return Tuple.tuple(Arrays.asList(p.id(), p.userId(), p.baseModelId(), p.name(),
                json.write(p.params()) == null ? "{}" : json.write(p.params()),
                json.write(p.meta()) == null ? "{}" : json.write(p.meta()), json.write(p.accessControl()), p.isActive(),
                p.createdAt(), p.updatedAt()));
    }

    private List<ModelPreset> read(RowSet<Row> rows) {
        List<ModelPreset> list = new ArrayList<>();
        for (Row row : rows) {
            String userId = row.getString("user_id");
            ModelPreset.PresetOwner owner = row.getString("u_email") == null ? null : new ModelPreset.PresetOwner(userId,
                    row.getString("u_name"), row.getString("u_email"), row.getString("u_role"), row.getString("u_image"));
            list.add(new ModelPreset(row.getString("id"), userId, row.getString("base_model_id"), row.getString("name"),
                    json.read(row.getString("params")), json.read(row.getString("meta")),
                    json.read(row.getString("access_control")), row.getBoolean("is_active"), row.getLong("updated_at"),
                    row.getLong("created_at"), owner));
        }
        return list;
    }
}
