package dev.webui.common.auth;

/** Security roles. A user's stored role maps to these; "verified" is held by every user and admin. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String PENDING = "pending";
    /** Any approved account: the contract's "verified" callers. */
    public static final String VERIFIED = "verified";

    private Roles() {
    }
}
