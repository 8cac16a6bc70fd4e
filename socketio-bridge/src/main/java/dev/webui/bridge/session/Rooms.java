package dev.webui.bridge.session;

/** Names of the Socket.IO rooms (docs/realtime.md, "Rooms"); only authenticated sockets ever join one. */
public final class Rooms {
    private Rooms() {
    }

    public static String user(String userId) {
        return "user:" + userId;
    }

    public static String channel(String channelId) {
        return "channel:" + channelId;
    }

    public static String note(String noteId) {
        return "note:" + noteId;
    }

    /** Yjs document rooms keep the colon of the document id: {@code doc_note:<id>}. */
    public static String document(String documentId) {
        return "doc_" + documentId;
    }
}
