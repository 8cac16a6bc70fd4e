package dev.webui.bridge.testing;

import dev.webui.common.testing.TestUsers;

import java.time.Instant;
import java.util.UUID;

/** Channels, notes and groups written straight into the test database (their tables belong to api-service). */
public final class TestRecords {
    private TestRecords() {
    }

    /** A channel owned by {@code ownerId}; {@code accessControl} is JSON, or null for a public channel. */
    public static String channel(String ownerId, String accessControl) {
        String id = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond() * 1_000_000_000L;
        TestUsers.execute("INSERT INTO channel (id, user_id, name, access_control, created_at, updated_at) VALUES (?, ?, ?, ?::jsonb, ?, ?)",
                id, ownerId, "channel-" + id.substring(0, 6), accessControl, now, now);
        return id;
    }

    public static String note(String ownerId, String accessControl) {
        String id = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond() * 1_000_000_000L;
        TestUsers.execute("INSERT INTO note (id, user_id, title, access_control, created_at, updated_at) VALUES (?, ?, ?, ?::jsonb, ?, ?)",
                id, ownerId, "note", accessControl, now, now);
        return id;
    }

    /** A group with one member; yields its id. */
    public static String groupWith(String userId) {
        String id = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        TestUsers.execute("INSERT INTO \"group\" (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)", id, "g", now, now);
        TestUsers.execute("INSERT INTO group_member (group_id, user_id, created_at) VALUES (?, ?, ?)", id, userId, now);
        return id;
    }

    public static String readGrant(String field, String id) {
        return "{\"read\": {\"" + field + "\": [\"" + id + "\"]}, \"write\": {\"group_ids\": [], \"user_ids\": []}}";
    }
}
