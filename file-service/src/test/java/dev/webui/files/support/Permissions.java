package dev.webui.files.support;

import dev.webui.common.testing.TestUsers;

import java.util.UUID;

/** Grants workspace permissions through a group, as admins do in the UI. */
public final class Permissions {
    private Permissions() {
    }

    public static void grantKnowledge(String userId) {
        String group = UUID.randomUUID().toString();
        TestUsers.execute("INSERT INTO \"group\" (id, user_id, name, description, permissions, created_at, updated_at) "
                + "VALUES (?, ?, 'knowledge makers', '', '{\"workspace\":{\"knowledge\":true}}'::jsonb, 0, 0)", group, userId);
        TestUsers.execute("INSERT INTO group_member (group_id, user_id, created_at) VALUES (?, ?, 0)", group, userId);
    }
}
