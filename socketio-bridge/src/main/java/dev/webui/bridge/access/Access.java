package dev.webui.bridge.access;

/** What a user may do with a note or channel. */
public enum Access {
    NONE, READ, WRITE;

    public boolean canRead() {
        return this != NONE;
    }
}
