package dev.webui.api.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.api.support.EmitListener;
import dev.webui.api.support.Channels;
import dev.webui.api.support.CompletionFixture;
import dev.webui.api.support.FakeLlm;
import dev.webui.common.auth.Roles;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.webui.api.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model mentioned in a channel answers in the thread, through the completion pipeline and the fake provider. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ChannelMentionsTest {
    private static FakeLlm upstream;
    private static TestUser admin;
    private static TestUser user;

    @Inject
    SettingsStore settings;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;
    @Inject
    ObjectMapper json;

    @BeforeAll
    static void start() throws Exception {
        upstream = new FakeLlm();
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @BeforeEach
    void setUp() {
        settings.save(Map.of(Settings.ENABLE_CHANNELS, BooleanNode.valueOf(true))).await().atMost(Duration.ofSeconds(10));
        if (admin == null) {
            admin = TestUsers.create(Roles.ADMIN);
            user = TestUsers.create(Roles.USER);
            CompletionFixture.connect(admin, upstream.baseUrl());
            // plain users see only models with a readable preset: "helper" is public, raw "gpt-fake" is not
            CompletionFixture.helperPreset(admin, Map.of());
        }
    }

    private EmitListener listen() {
        return new EmitListener(redis, keys.emitChannel(), json);
    }

    @Test
    void aMentionedModelAnswersInTheThreadWithTheThreadAsContext() {
        String channel = Channels.create(admin, "mentions-answer", null);
        String root = Channels.post(user, channel, Map.of("content", "We are planning the trip to Mars"));
        try (EmitListener emits = listen()) {
            String mention = Channels.post(user, channel, Map.of("content", "<@M:helper|Helper> how long does it take?", "parent_id", root));

            JsonNode created = emits.next(e -> Channels.isEvent(e, channel, "message") && "helper".equals(e.at("/data/data/data/meta/model_id").asText()));
            JsonNode placeholder = created.at("/data/data/data");
            assertEquals(root, placeholder.path("parent_id").asText(), "the answer goes into the mentioning message's thread");
            assertEquals("Helper", placeholder.at("/meta/model_name").asText());
            String replyId = placeholder.path("id").asText();

            JsonNode updated = emits.next(e -> Channels.isEvent(e, channel, "message:update") && replyId.equals(e.at("/data/message_id").asText()));
            assertEquals("Hello world!", updated.at("/data/data/data/content").asText());
            assertTrue(updated.at("/data/data/data/meta/done").asBoolean());
            assertEquals(channel, updated.at("/data/channel/id").asText());

            JsonNode stored = as(user).get("/api/v1/channels/" + channel + "/messages/" + replyId).then().statusCode(200)
                    .extract().as(JsonNode.class);
            assertEquals("Hello world!", stored.path("content").asText());
            assertEquals("helper", stored.at("/meta/model_id").asText());

            JsonObject sent = upstream.requests.stream().filter(r -> r.getJsonArray("messages").encode().contains("how long does it take?"))
                    .findFirst().orElseThrow();
            assertEquals("gpt-fake", sent.getString("model"), "the preset is sent as its base model");
            String system = sent.getJsonArray("messages").getJsonObject(0).getString("content");
            assertTrue(system.contains("We are planning the trip to Mars"), system);
            String turn = sent.getJsonArray("messages").getJsonObject(1).getString("content");
            assertTrue(turn.endsWith("@Helper how long does it take?"), turn);
            assertEquals(mention, as(user).get("/api/v1/channels/" + channel + "/messages/" + mention).then().statusCode(200)
                    .extract().path("id"));
        }
    }

    @Test
    void replyingToAModelsAnswerAsksThatModelAgain() {
        String channel = Channels.create(admin, "mentions-quote", null);
        try (EmitListener emits = listen()) {
            String root = Channels.post(user, channel, Map.of("content", "<@M:helper|Helper> hello"));
            JsonNode first = emits.next(e -> Channels.isEvent(e, channel, "message:update") && "helper".equals(e.at("/data/data/data/meta/model_id").asText()));
            String answerId = first.at("/data/message_id").asText();
            Channels.post(user, channel, Map.of("content", "and then?", "parent_id", root, "reply_to_id", answerId));
            JsonNode second = emits.next(e -> Channels.isEvent(e, channel, "message:update") && "helper".equals(e.at("/data/data/data/meta/model_id").asText()));
            assertTrue(!answerId.equals(second.at("/data/message_id").asText()), "a second answer, not the first again");
            assertEquals(root, second.at("/data/data/data/parent_id").asText());
        }
    }

    @Test
    void aModelTheAuthorMayNotUseIsIgnored() {
        String channel = Channels.create(admin, "mentions-denied", null);
        try (EmitListener emits = listen()) {
            String mention = Channels.post(user, channel, Map.of("content", "<@M:gpt-fake|Raw> <@M:helper|Helper> hi"));
            // models are answered in order, so once helper's answer is done the raw model was already passed over
            emits.next(e -> Channels.isEvent(e, channel, "message:update") && "helper".equals(e.at("/data/data/data/meta/model_id").asText()));
            List<Map<String, Object>> thread = as(user).get("/api/v1/channels/" + channel + "/messages/" + mention + "/thread")
                    .then().statusCode(200).extract().path("$");
            List<Object> models = thread.stream().map(m -> m.get("meta") instanceof Map<?, ?> meta ? meta.get("model_id") : null)
                    .filter(id -> id != null).map(Object.class::cast).toList();
            assertEquals(List.of("helper"), models);
        }
    }

    @Test
    void aFailingProviderLeavesTheMessageAndRepliesWithAnErrorNote() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CompletionFixture.connect(admin, "http://127.0.0.1:" + port + "/v1");
        String channel = Channels.create(admin, "mentions-failing", null);
        try (EmitListener emits = listen()) {
            String mention = Channels.post(user, channel, Map.of("content", "<@M:helper|Helper> are you there?"));
            JsonNode updated = emits.next(e -> Channels.isEvent(e, channel, "message:update") && "helper".equals(e.at("/data/data/data/meta/model_id").asText()));
            String note = updated.at("/data/data/data/content").asText();
            assertTrue(note.startsWith("Error: ") && note.contains("Could not reach"), note);
            assertEquals("<@M:helper|Helper> are you there?", as(user).get("/api/v1/channels/" + channel + "/messages/" + mention)
                    .then().statusCode(200).extract().path("content"));
        } finally {
            CompletionFixture.connect(admin, upstream.baseUrl());
        }
    }
}
