package dev.webui.api.channel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads file-service's {@code file} table: which of some files a user uploaded. */
@ApplicationScoped
public class MessageFileRepository {
    private final Pool pool;

    public MessageFileRepository(Pool pool) {
        this.pool = pool;
    }

    /** The ids among {@code ids} of files owned by {@code userId}. */
    public Uni<Set<String>> ownedBy(String userId, List<String> ids) {
        return pool.preparedQuery("SELECT id FROM file WHERE id = ANY($1) AND user_id = $2")
                .execute(Tuple.of(ids.toArray(String[]::new), userId))
                .map(rows -> {
                    Set<String> owned = new HashSet<>();
                    for (Row row : rows) {
                        owned.add(row.getString(0));
                    }
                    return owned;
                });
    }
}
