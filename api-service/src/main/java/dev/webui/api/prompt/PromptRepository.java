package dev.webui.api.prompt;

import dev.webui.api.access.OwnerSummary;
import dev.webui.api.json.JsonText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** The prompt table. */
@ApplicationScoped
public class PromptRepository {
    private static final String SELECT = "SELECT p.command, p.user_id, p.title, p.content, p.\"timestamp\", "
            + "p.access_control::text AS access_control, " + OwnerSummary.COLUMNS + " FROM prompt p LEFT JOIN \"user\" u ON u.id = p.user_id";

    private final Pool pool;
    private final JsonText json;

    public PromptRepository(Pool pool, JsonText json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<List<Prompt>> all() {
        return pool.query(SELECT + " ORDER BY p.\"timestamp\" DESC, p.command").execute().map(this::read);
    }

    public Uni<Prompt> find(String command) {
        return pool.preparedQuery(SELECT + " WHERE p.command = $1").execute(Tuple.of(command))
                .map(rows -> rows.size() == 0 ? null : read(rows).get(0));
    }

    public Uni<Boolean> insert(Prompt p) {
        return pool.preparedQuery("INSERT INTO prompt (command, user_id, title, content, access_control, \"timestamp\") "
                        + "VALUES ($1, $2, $3, $4, $5::text::jsonb, $6) ON CONFLICT (command) DO NOTHING")
                .execute(Tuple.of(p.command(), p.userId(), p.title(), p.content(), json.write(p.accessControl()), p.timestamp()))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> update(Prompt p) {
        return pool.preparedQuery("UPDATE prompt SET title = $2, content = $3, access_control = $4::text::jsonb, "
                        + "\"timestamp\" = $5 WHERE command = $1")
                .execute(Tuple.of(p.command(), p.title(), p.content(), json.write(p.accessControl()), p.timestamp()))
                .replaceWithVoid();
    }

    public Uni<Void> delete(String command) {
        return pool.preparedQuery("DELETE FROM prompt WHERE command = $1").execute(Tuple.of(command)).replaceWithVoid();
    }

    private List<Prompt> read(RowSet<Row> rows) {
        List<Prompt> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new Prompt(row.getString("command"), row.getString("user_id"), row.getString("title"),
                    row.getString("content"), row.getLong("timestamp"), json.read(row.getString("access_control")),
                    OwnerSummary.of(row)));
        }
        return list;
    }
}
