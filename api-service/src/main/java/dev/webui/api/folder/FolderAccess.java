package dev.webui.api.folder;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Folder ownership and sub-tree queries shared by the chat and folder features. */
@ApplicationScoped
public class FolderAccess {
    public Uni<Boolean> owns(SqlClient db, String userId, String folderId) {
        return db.preparedQuery("SELECT 1 FROM folder WHERE id = $1 AND user_id = $2").execute(Tuple.of(folderId, userId))
                .map(rows -> rows.size() > 0);
    }

    /** The folder and all its descendants (owned by the user), folder first. */
    public Uni<List<String>> subtree(SqlClient db, String userId, String folderId) {
        return db.preparedQuery("WITH RECURSIVE t(id) AS (SELECT id FROM folder WHERE id = $1 AND user_id = $2 "
                        + "UNION SELECT f.id FROM folder f JOIN t ON f.parent_id = t.id WHERE f.user_id = $2) SELECT id FROM t")
                .execute(Tuple.of(folderId, userId)).map(rows -> {
                    List<String> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getString("id"));
                    }
                    return ids;
                });
    }
}
