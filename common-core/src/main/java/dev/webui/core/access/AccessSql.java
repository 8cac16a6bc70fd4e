package dev.webui.core.access;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link AccessRule} as a SQL condition, for the PostgreSQL queries of the services. Every part
 * is a SQL expression chosen by the query: usually a column of the row ({@code n.access_control},
 * {@code n.user_id}) and bind parameters in the reactive client's {@code $n} style for the
 * caller ({@code "$1"}) and the bypass ({@code "$2"}, a boolean). The caller's groups are read
 * from {@code group_member}, so the query binds only the caller's id.
 *
 * <p>The condition is always true or false, never NULL, so it can be selected as a column too.
 * It is plain SQL the planner sees through (no function call): queries keep their own indexed
 * conditions (an id, an owner) beside it and the planner filters the remaining rows with it.
 *
 * <pre>
 * AccessSql.on("n").caller("$1").bypass("$2").read()
 * </pre>
 */
public final class AccessSql {
    private final String accessControl;
    private final String owner;
    private final String caller;
    private final String bypass;

    private AccessSql(String accessControl, String owner, String caller, String bypass) {
        this.accessControl = accessControl;
        this.owner = owner;
        this.caller = caller;
        this.bypass = bypass;
    }

    /** The row aliased {@code alias}, with its {@code access_control} and owner column {@code user_id}. */
    public static AccessSql on(String alias) {
        return of(alias + ".access_control", alias + ".user_id");
    }

    /** Any two expressions: the access_control (jsonb) and the owner's id (text). */
    public static AccessSql of(String accessControl, String owner) {
        return new AccessSql(accessControl, owner, null, null);
    }

    /** The expression of the caller's user id (text), e.g. {@code "$1"} or {@code "u.id"}. */
    public AccessSql caller(String userId) {
        return new AccessSql(accessControl, owner, userId, bypass);
    }

    /** A boolean expression that lets the caller through (the admin bypass), e.g. {@code "$2"}. */
    public AccessSql bypass(String condition) {
        return new AccessSql(accessControl, owner, caller, condition);
    }

    public String read() {
        return allows(AccessMode.READ);
    }

    public String write() {
        return allows(AccessMode.WRITE);
    }

    public String allows(AccessMode mode) {
        if (caller == null) {
            throw new IllegalStateException("AccessSql needs the caller's id expression");
        }
        List<String> any = new ArrayList<>();
        if (bypass != null) {
            any.add("coalesce(" + bypass + ", false)");
        }
        any.add("coalesce(" + owner + " = " + caller + ", false)");
        if (mode.publicAllows()) {
            any.add("coalesce(jsonb_typeof(" + accessControl + "), 'null') = 'null'");
        }
        for (String key : mode.grantKeys()) {
            any.add("coalesce(" + ids(key, Grantee.USER) + " @> jsonb_build_array((" + caller + ")::text), false)");
            any.add("EXISTS (SELECT 1 FROM group_member gm WHERE gm.user_id = " + caller + " AND "
                    + ids(key, Grantee.GROUP) + " @> jsonb_build_array(gm.group_id))");
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    private String ids(String key, Grantee grantee) {
        return "(" + accessControl + ") #> '{" + key + "," + grantee.key + "}'";
    }
}
