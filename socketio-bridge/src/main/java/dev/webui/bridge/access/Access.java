package dev.webui.bridge.access;

/** What a user may do with a note or channel (api.md §1.5). */
public enum Access {
    NONE, READ, WRITE;

    public boolean canRead() {
        return this != NONE;
    }
}
