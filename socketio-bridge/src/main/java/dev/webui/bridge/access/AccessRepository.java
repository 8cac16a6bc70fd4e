package dev.webui.bridge.access;

import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.core.access.AccessSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the access of channels and notes straight from their tables (owned by api-service; the
 * bridge only reads) with the one access rule of common-core ({@link AccessSql}). Admins join every
 * channel's room when BYPASS_ADMIN_ACCESS_CONTROL, and open every note always (as Open WebUI's
 * note sockets do). Pending users get nothing.
 */
public final class AccessRepository {
    // $1 caller, $2 the admin bypass applies
    private static final String READABLE_CHANNELS = "SELECT c.id FROM channel c WHERE "
            + AccessSql.on("c").caller("$1").bypass("$2").read();
    private static final String NOTE_ACCESS = "SELECT " + AccessSql.on("n").caller("$1").bypass("$2").read() + " AS reader, "
            + AccessSql.on("n").caller("$1").bypass("$2").write() + " AS writer FROM note n WHERE n.id = $3";

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
        return pool.preparedQuery(READABLE_CHANNELS).execute(Tuple.of(user.id(), user.isAdmin() && bypassAdmin)).map(set -> {
            List<String> ids = new ArrayList<>();
            set.forEach(row -> ids.add(row.getString("id")));
            return ids;
        });
    }

    public Uni<Access> noteAccess(AuthenticatedUser user, String noteId) {
        if (!user.isVerified()) {
            return Uni.createFrom().item(Access.NONE);
        }
        return pool.preparedQuery(NOTE_ACCESS).execute(Tuple.of(user.id(), user.isAdmin(), noteId)).map(set -> {
            var it = set.iterator();
            if (!it.hasNext()) {
                return Access.NONE;
            }
            Row row = it.next();
            if (row.getBoolean("writer")) {
                return Access.WRITE;
            }
            return row.getBoolean("reader") ? Access.READ : Access.NONE;
        });
    }
}
