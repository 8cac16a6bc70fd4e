package dev.webui.bridge.access;

import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the access rules of channels and notes straight from their tables (owned by api-service;
 * the bridge only reads), with the rules of docs/contract.md, "Access control": null access_control is public read, the
 * owner may write, grants by user id or group, admins bypass when BYPASS_ADMIN_ACCESS_CONTROL.
 * Pending users get nothing.
 */
public final class AccessRepository {
    private static final String PUBLIC = "(%1$s.access_control IS NULL OR jsonb_typeof(%1$s.access_control) = 'null')";
    private static final String GRANTED = "(coalesce(%1$s.access_control #> '{%2$s,user_ids}', '[]') ? $1"
            + " OR EXISTS (SELECT 1 FROM group_member m WHERE m.user_id = $1"
            + " AND coalesce(%1$s.access_control #> '{%2$s,group_ids}', '[]') ? m.group_id))";

    // A write grant implies reading, as in api-service's AccessControl.
    private static final String READABLE_CHANNELS = "SELECT c.id FROM channel c WHERE c.user_id = $1 OR "
            + PUBLIC.formatted("c") + " OR " + GRANTED.formatted("c", "read") + " OR " + GRANTED.formatted("c", "write");
    private static final String NOTE_ACCESS = "SELECT n.user_id = $1 AS owner, " + PUBLIC.formatted("n") + " AS public, "
            + GRANTED.formatted("n", "read") + " AS reader, " + GRANTED.formatted("n", "write") + " AS writer "
            + "FROM note n WHERE n.id = $2";

    private final Pool pool;
    private final boolean bypassAdmin;

    public AccessRepository(Pool pool, boolean bypassAdmin) {
        this.pool = pool;
        this.bypassAdmin = bypassAdmin;
    }

    public Uni<List<String>> readableChannelIds(AuthenticatedUser user) {
        if (!user.isVerified()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows = user.isAdmin() && bypassAdmin
                ? pool.query("SELECT id FROM channel").execute()
                : pool.preparedQuery(READABLE_CHANNELS).execute(Tuple.of(user.id()));
        return rows.map(set -> {
            List<String> ids = new ArrayList<>();
            set.forEach(row -> ids.add(row.getString("id")));
            return ids;
        });
    }

    public Uni<Access> noteAccess(AuthenticatedUser user, String noteId) {
        if (!user.isVerified()) {
            return Uni.createFrom().item(Access.NONE);
        }
        return pool.preparedQuery(NOTE_ACCESS).execute(Tuple.of(user.id(), noteId)).map(set -> {
            var it = set.iterator();
            if (!it.hasNext()) {
                return Access.NONE;
            }
            Row row = it.next();
            if (Boolean.TRUE.equals(row.getBoolean("owner")) || Boolean.TRUE.equals(row.getBoolean("writer"))
                    || (user.isAdmin() && bypassAdmin)) {
                return Access.WRITE;
            }
            return Boolean.TRUE.equals(row.getBoolean("public")) || Boolean.TRUE.equals(row.getBoolean("reader"))
                    ? Access.READ : Access.NONE;
        });
    }
}
