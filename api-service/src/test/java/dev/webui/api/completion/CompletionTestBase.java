package dev.webui.api.completion;

import dev.webui.api.support.CompletionFixture;
import dev.webui.api.support.FakeLlm;
import dev.webui.common.auth.Roles;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the completion test classes share: a fake provider connected as the one OpenAI connection,
 * an admin and two users, the public "helper" preset, and a tap on the bridge's emit channel. Each
 * class gets its own database, so all of it is made again per class.
 */
abstract class CompletionTestBase {
    static FakeLlm upstream;
    static TestUser admin;
    static TestUser user;
    static TestUser other;
    static EmitTap tap;

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;

    /** The params of the "helper" preset this class uses. */
    abstract Map<String, Object> presetParams();

    /** A completion body; with a chat it names message "m1", and {@code socket} adds a session (socket mode). */
    static Map<String, Object> requestBody(String model, String prompt, String chatId, boolean socket) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", List.of(Map.of("role", "user", "content", prompt)));
        body.put("stream", true);
        if (socket) {
            body.put("session_id", "sid-1");
        }
        if (chatId != null) {
            body.put("chat_id", chatId);
            body.put("id", "m1");
        }
        return body;
    }

    @BeforeAll
    static void startProvider() throws Exception {
        upstream = new FakeLlm();
    }

    @AfterAll
    static void stopProvider() {
        if (tap != null) {
            tap.close();
            tap = null;
        }
        admin = null;
        user = null;
        other = null;
        upstream.close();
    }

    @BeforeEach
    void connectOnce() {
        if (admin == null) {
            admin = TestUsers.create(Roles.ADMIN);
            user = TestUsers.create(Roles.USER);
            other = TestUsers.create(Roles.USER);
            CompletionFixture.connect(admin, upstream.baseUrl());
            CompletionFixture.helperPreset(admin, presetParams());
        }
        if (tap == null) {
            tap = new EmitTap(redis, keys.emitChannel());
        }
    }
}
