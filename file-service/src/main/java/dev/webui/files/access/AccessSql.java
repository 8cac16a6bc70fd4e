package dev.webui.files.access;

/**
 * SQL conditions of the access policy (docs/contract.md, "Access control") over a row's {@code access_control}: null is
 * public read, {@code {}} private, otherwise explicit user and group grants. Owner and admins are
 * checked by the caller of these fragments.
 */
public final class AccessSql {
    private AccessSql() {
    }

    /** Read access of user {@code $userParam} to the row aliased {@code t}. */
    public static String readable(String t, String userParam) {
        return "(" + t + ".user_id = " + userParam
                + " OR " + t + ".access_control IS NULL OR " + t + ".access_control = 'null'::jsonb"
                + " OR " + granted(t, "read", userParam) + " OR " + granted(t, "write", userParam) + ")";
    }

    /** Write access of user {@code $userParam} to the row aliased {@code t}. */
    public static String writable(String t, String userParam) {
        return "(" + t + ".user_id = " + userParam + " OR " + granted(t, "write", userParam) + ")";
    }

    private static String granted(String t, String mode, String userParam) {
        String grants = t + ".access_control->'" + mode + "'";
        return "(" + grants + "->'user_ids' @> jsonb_build_array(" + userParam + "::text)"
                + " OR EXISTS (SELECT 1 FROM group_member gm WHERE gm.user_id = " + userParam
                + " AND " + grants + "->'group_ids' @> jsonb_build_array(gm.group_id)))";
    }
}
