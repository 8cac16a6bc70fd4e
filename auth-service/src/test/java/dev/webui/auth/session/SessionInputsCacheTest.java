package dev.webui.auth.session;

import dev.webui.auth.Api;
import dev.webui.auth.permission.PermissionService;
import dev.webui.auth.user.UserRepository;
import dev.webui.common.config.CoreConfig;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.redis.RedisSubscriptions;
import dev.webui.common.settings.SettingsDocument;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.common.testing.TestRedis;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.webui.auth.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The session check answers from a per-replica copy of the user and their permissions: every
 * change is seen at once on the replica that made it, on other replicas once announced, and
 * nothing is trusted across a lost Redis connection.
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class SessionInputsCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    UserRepository users;
    @Inject
    PermissionService permissions;
    @Inject
    SettingsDocument settings;
    @Inject
    RedisKeys keys;
    @Inject
    CoreConfig config;
    @Inject
    Vertx vertx;

    private final List<Redis> clients = new ArrayList<>();
    private final List<SessionInputsCache> replicas = new ArrayList<>();

    @AfterEach
    void close() {
        replicas.forEach(r -> r.stop(null));
        replicas.clear();
        clients.forEach(Redis::close);
        clients.clear();
    }

    @Test
    void changesOnThisReplicaAreAnsweredAtOnce() {
        Api.Session user = Api.newAccount("user");
        as(user.token()).get("/api/v1/auths/").then().statusCode(200).body("name", equalTo("Someone"))
                .body("permissions.workspace.tools", equalTo(false)).body("bio", equalTo(null));

        as(user.token()).body(Map.of("name", "Renamed", "profile_image_url", "/user.png", "bio", "hi"))
                .post("/api/v1/auths/update/profile").then().statusCode(200);
        as(user.token()).get("/api/v1/auths/").then().body("name", equalTo("Renamed")).body("bio", equalTo("hi"));

        String admin = Api.admin().token();
        String group = as(admin).body(Map.of("name", "Tools " + user.id(), "description", "", "user_ids", List.of(user.id()),
                "permissions", Map.of("workspace", Map.of("tools", true)))).post("/api/v1/groups/create").then().statusCode(200)
                .extract().path("id");
        as(user.token()).get("/api/v1/auths/").then().body("permissions.workspace.tools", equalTo(true));
        as(admin).body(Map.of("name", "Tools", "description", "", "user_ids", List.of())).post("/api/v1/groups/id/" + group + "/update")
                .then().statusCode(200);
        as(user.token()).get("/api/v1/auths/").then().body("permissions.workspace.tools", equalTo(false));

        Map<String, Object> defaults = as(admin).get("/api/v1/users/default/permissions").then().extract().path("$");
        try {
            as(admin).body(Map.of("workspace", Map.of("tools", true))).post("/api/v1/users/default/permissions").then().statusCode(200);
            as(user.token()).get("/api/v1/auths/").then().body("permissions.workspace.tools", equalTo(true));
        } finally {
            as(admin).body(defaults).post("/api/v1/users/default/permissions").then().statusCode(200);
        }

        as(admin).body(Map.of("role", "admin", "name", "Renamed", "email", user.email())).post("/api/v1/users/" + user.id() + "/update")
                .then().statusCode(200);
        as(user.token()).get("/api/v1/auths/").then().body("role", equalTo("admin"));
        as(admin).delete("/api/v1/users/" + user.id()).then().statusCode(200);
        as(user.token()).get("/api/v1/auths/").then().statusCode(401);
    }

    @Test
    void anotherReplicaSeesAChangeOnceItIsAnnounced() {
        Api.Session user = Api.newAccount("user");
        SessionInputsCache other = replica(sharedUrl());
        awaitCached(other, user.id());

        as(user.token()).body(Map.of("name", "Elsewhere", "profile_image_url", "/user.png")).post("/api/v1/auths/update/profile")
                .then().statusCode(200);
        await().atMost(WAIT).until(() -> name(other, user.id()), equalTo("Elsewhere"));

        as(Api.admin().token()).body(Map.of("name", "Prompts " + user.id(), "description", "", "user_ids", List.of(user.id()),
                "permissions", Map.of("workspace", Map.of("prompts", true)))).post("/api/v1/groups/create").then().statusCode(200);
        await().atMost(WAIT).until(() -> other.get(user.id()).await().atMost(WAIT).orElseThrow().permissions().path("workspace")
                .path("prompts").asBoolean(), equalTo(true));
    }

    @Test
    void aLostSubscriptionDropsEverything() {
        try (TestRedis privateRedis = TestRedis.startPrivate()) {
            Api.Session user = Api.newAccount("user");
            SessionInputsCache replica = replica(privateRedis.url());
            awaitCached(replica, user.id());

            // a change nobody announced: only dropping the copy can reveal it
            Api.queryOne("UPDATE \"user\" SET name = 'Unannounced' WHERE id = ? RETURNING id", user.id());
            assertEquals("Someone", name(replica, user.id()), "served from the copy while the subscription is up");
            dataSource(privateRedis.url()).execute("CLIENT", "KILL", "TYPE", "pubsub").await().atMost(WAIT);
            await().atMost(WAIT).until(() -> name(replica, user.id()), equalTo("Unannounced"));
        }
    }

    /**
     * Waits until the replica answers from its copy: a change made behind its back is not seen.
     * The probe is itself an unannounced change, so every round drops the copy afterwards, as its
     * announcement would: a copy loaded while the probe was in place must not outlive it.
     */
    private void awaitCached(SessionInputsCache replica, String userId) {
        String original = name(replica, userId);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            name(replica, userId);
            Api.queryOne("UPDATE \"user\" SET name = 'Probe' WHERE id = ? RETURNING id", userId);
            try {
                return original.equals(name(replica, userId));
            } finally {
                Api.queryOne("UPDATE \"user\" SET name = ? WHERE id = ? RETURNING id", original, userId);
                replica.evict(userId);
            }
        });
        assertEquals(original, name(replica, userId));
    }

    private static String name(SessionInputsCache replica, String userId) {
        return replica.get(userId).await().atMost(WAIT).orElseThrow().user().name();
    }

    private static String sharedUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class);
    }

    private SessionInputsCache replica(String redisUrl) {
        SessionInputsCache replica = new SessionInputsCache(users, permissions, settings,
                new RedisSubscriptions(dataSource(redisUrl), keys), keys, config);
        replica.start(null);
        replicas.add(replica);
        return replica;
    }

    private ReactiveRedisDataSource dataSource(String url) {
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
        clients.add(client);
        return new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
    }
}
