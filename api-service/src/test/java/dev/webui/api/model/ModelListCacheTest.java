package dev.webui.api.model;

import dev.webui.api.support.FakeOpenAi;
import dev.webui.api.support.Poll;
import dev.webui.common.auth.Roles;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestUsers;
import dev.webui.common.testing.TestUsers.TestUser;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.webui.api.support.Api.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The per-user /api/models answer is rebuilt whenever what it was built from changes, here or on another replica. */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class ModelListCacheTest {
    private static FakeOpenAi provider;
    private static TestUser admin;

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    RedisKeys keys;

    @BeforeAll
    static void provider() throws Exception {
        provider = new FakeOpenAi("sk-cache", "cache-a", "cache-b");
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private static TestUser admin() {
        if (admin == null) {
            admin = TestUsers.create(Roles.ADMIN);
            as(admin).body(Map.of("ENABLE_OPENAI_API", true, "OPENAI_API_BASE_URLS", List.of(provider.baseUrl()),
                    "OPENAI_API_KEYS", List.of("sk-cache"), "OPENAI_API_CONFIGS", Map.of()))
                    .post("/openai/config/update").then().statusCode(200);
        }
        return admin;
    }

    private static void insertPreset(String id, String accessControl) {
        insertPreset(id, null, accessControl);
    }

    /** A preset over an upstream model ({@code baseModelId} null), or a custom model on top of one. */
    private static void insertPreset(String id, String baseModelId, String accessControl) {
        TestUsers.execute("INSERT INTO model (id, user_id, base_model_id, name, meta, params, access_control, is_active, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, '{}', '{}', " + accessControl + ", true, 1, 1)", id, admin().id(), baseModelId, "Preset " + id);
    }

    @Test
    void aPresetWrittenByAnotherReplicaReplacesTheCachedAnswerOnceAnnounced() {
        TestUser user = TestUsers.create(Roles.USER);
        as(user).get("/api/models").then().statusCode(200).body("data.id", not(hasItem("cache-a")));
        // another replica writes the row and announces it on Redis; this replica has an answer cached for the user
        insertPreset("cache-a", "NULL");
        redis.pubsub(String.class).publish(keys.modelsChangedChannel(), "changed").await().atMost(Duration.ofSeconds(10));
        awaitVisible(user, "cache-a");
    }

    @Test
    void joiningAGroupShowsTheModelsSharedWithThatGroup() {
        TestUser user = TestUsers.create(Roles.USER);
        String group = UUID.randomUUID().toString();
        TestUsers.execute("INSERT INTO \"group\" (id, user_id, name, created_at, updated_at) VALUES (?, ?, 'g', 1, 1)", group, admin().id());
        insertPreset("cache-b", "'{\"read\": {\"group_ids\": [\"" + group + "\"], \"user_ids\": []}, \"write\": {\"group_ids\": [], \"user_ids\": []}}'");
        as(admin()).get("/api/models?refresh=true").then().statusCode(200).body("data.id", hasItem("cache-b"));
        as(user).get("/api/models").then().statusCode(200).body("data.id", not(hasItem("cache-b")));
        TestUsers.execute("INSERT INTO group_member (group_id, user_id, created_at) VALUES (?, ?, 1)", group, user.id());
        awaitVisible(user, "cache-b");
    }

    @Test
    void usersTakingTurnsEachGetTheirOwnAnswer() {
        TestUser owner = TestUsers.create(Roles.USER);
        TestUser other = TestUsers.create(Roles.USER);
        insertPreset("cache-c", "cache-a", "'{\"read\": {\"group_ids\": [], \"user_ids\": [\"" + owner.id() + "\"]}, \"write\": {\"group_ids\": [], \"user_ids\": []}}'");
        as(admin()).get("/api/models?refresh=true").then().statusCode(200).body("data.id", hasItem("cache-c"));
        for (int round = 0; round < 3; round++) {
            as(owner).get("/api/models").then().statusCode(200).body("data.id", hasItem("cache-c"));
            as(other).get("/api/models").then().statusCode(200).body("data.id", not(hasItem("cache-c")));
        }
    }

    @Test
    void aRoleChangedOnAnotherReplicaReplacesTheCachedAnswerOnceAnnounced() {
        TestUser user = TestUsers.create(Roles.USER);
        insertPreset("cache-d", "cache-a", "'{}'");
        as(admin()).get("/api/models?refresh=true").then().statusCode(200).body("data.id", hasItem("cache-d"));
        as(user).get("/api/models").then().statusCode(200).body("data.id", not(hasItem("cache-d")));
        as(user).get("/api/models").then().statusCode(200).body("data.id", not(hasItem("cache-d")));
        // auth-service on another replica makes the user an admin and announces it
        TestUsers.execute("UPDATE \"user\" SET role = 'admin' WHERE id = ?", user.id());
        redis.pubsub(String.class).publish(keys.userChangedChannel(), user.id()).await().atMost(Duration.ofSeconds(10));
        awaitVisible(user, "cache-d");
    }

    private static void awaitVisible(TestUser user, String id) {
        Poll.until(id + " visible to " + user.id(), Duration.ofSeconds(15),
                () -> as(user).get("/api/models").then().statusCode(200).extract().jsonPath().getList("data.id").contains(id));
    }
}
