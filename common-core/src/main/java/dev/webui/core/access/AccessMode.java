package dev.webui.core.access;

import java.util.List;

/**
 * What a caller wants to do with an object. The grant lists each mode honours and whether a
 * public object (access_control null) allows it are stated once here and read by both the
 * in-memory check ({@link AccessRule}) and the SQL predicate ({@link AccessSql}).
 */
public enum AccessMode {
    /** A write grant implies reading: the sharing editor never grants write without read, and a writer must see what it edits. */
    READ(true, "read", "write"),
    WRITE(false, "write");

    private final boolean publicAllows;
    private final List<String> grantKeys;

    AccessMode(boolean publicAllows, String... grantKeys) {
        this.publicAllows = publicAllows;
        this.grantKeys = List.of(grantKeys);
    }

    /** Whether {@code access_control: null} (public) allows this mode. */
    public boolean publicAllows() {
        return publicAllows;
    }

    /** The keys of access_control whose {@code user_ids} / {@code group_ids} lists grant this mode. */
    public List<String> grantKeys() {
        return grantKeys;
    }
}
