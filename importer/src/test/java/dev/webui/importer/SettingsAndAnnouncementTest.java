package dev.webui.importer;

import dev.webui.importer.fixture.OpenWebuiFixture;
import dev.webui.importer.fixture.OpenWebuiFixture.Vintage;
import dev.webui.importer.fixture.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whose settings win, and the announcements running services get on their Redis channels
 * (docs/redis.md) once the import is done.
 */
class SettingsAndAnnouncementTest {
    /** The source's newest settings row, as jsonb prints it. */
    private static final String SOURCE_SETTINGS = "{\"ui\": {\"enable_signup\": false}, \"openai\": {\"api_keys\": [\"sk-secret\"]}, \"version\": 0}";

    @TempDir
    Path dir;
    Target target;
    Path db;
    String prefix = "import-test-" + UUID.randomUUID();
    List<String> messages = new CopyOnWriteArrayList<>();
    JedisPubSub listener;
    Thread subscriber;

    @BeforeEach
    void create() throws Exception {
        target = Target.create();
        db = OpenWebuiFixture.sqlite(dir, Vintage.V0_6_32);
        CountDownLatch subscribed = new CountDownLatch(1);
        listener = new JedisPubSub() {
            @Override
            public void onPMessage(String pattern, String channel, String message) {
                messages.add(channel.substring(prefix.length() + 1) + " " + message);
            }

            @Override
            public void onPSubscribe(String pattern, int count) {
                subscribed.countDown();
            }
        };
        subscriber = new Thread(() -> {
            try (Jedis jedis = new Jedis(URI.create("redis://127.0.0.1:6379/0"))) {
                jedis.psubscribe(listener, prefix + ":*");
            }
        });
        subscriber.start();
        assertTrue(subscribed.await(10, TimeUnit.SECONDS));
    }

    @AfterEach
    void drop() throws Exception {
        listener.punsubscribe();
        subscriber.join(5000);
        target.drop();
    }

    private MainTest.Run importWith(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "sqlite";
        args[1] = db.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return MainTest.run(Map.of("DATABASE_URL", target.database().url(), "REDIS_URL", "redis://127.0.0.1:6379/0",
                "REDIS_KEY_PREFIX", prefix), args);
    }

    private List<String> messagesWithin(long millis, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (messages.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return List.copyOf(messages);
    }

    private String currentSettings() throws Exception {
        return target.row("SELECT data::text AS d FROM config ORDER BY id DESC LIMIT 1").get("d").toString();
    }

    @Test
    void anEmptyTargetTakesTheSettingsAndEveryReplicaIsToldWithinASecond() throws Exception {
        MainTest.Run run = importWith();
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("config:changed changed", "users:changed u-admin", "users:changed u-alice", "users:changed u-bob"),
                messagesWithin(1000, 4));
        assertTrue(run.out().contains("settings: the target had none; the source's settings were imported"), run.out());
        assertTrue(run.out().contains("announced on Redis: settings changed, 3 user(s) changed"), run.out());
        assertEquals(SOURCE_SETTINGS, currentSettings());
    }

    @Test
    void firstRunDefaultsGiveWayToTheSourcesSettings() throws Exception {
        target.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_5), null, null); // schema
        target.execute("TRUNCATE config, \"user\" CASCADE");
        target.execute("INSERT INTO config (data) VALUES ('{\"version\": 0, \"ui\": {\"enable_signup\": false}}')"); // the first sign-up
        MainTest.Run run = importWith();
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("settings: the target held only first-run defaults; the source's settings were taken"), run.out());
        assertEquals(SOURCE_SETTINGS, currentSettings());
        assertTrue(messagesWithin(1000, 1).contains("config:changed changed"));
    }

    @Test
    void settingsAnAdminChangedAreKeptUnlessTheSourceIsAskedFor() throws Exception {
        target.importSqlite(OpenWebuiFixture.sqlite(dir, Vintage.V0_5), null, null);
        target.execute("TRUNCATE config, \"user\" CASCADE");
        String admins = "{\"ui\": {\"enable_signup\": false}, \"version\": 0, \"webhook_url\": \"https://hooks.example/admin\"}";
        target.execute("INSERT INTO config (data) VALUES ('" + admins + "')");
        MainTest.Run kept = importWith();
        assertEquals(0, kept.status(), kept.err());
        assertTrue(kept.out().contains("settings: kept the target's (an admin changed them)") && kept.out().contains("--settings source"), kept.out());
        assertEquals(admins, currentSettings());
        assertTrue(messagesWithin(300, 5).stream().noneMatch(m -> m.startsWith("config:")), messages.toString());

        MainTest.Run taken = importWith("--settings", "source");
        assertEquals(0, taken.status(), taken.err());
        assertTrue(taken.out().contains("settings: the target's settings were replaced by the source's (--settings source)"), taken.out());
        assertEquals(SOURCE_SETTINGS, currentSettings());
        assertTrue(messagesWithin(1000, 1).contains("config:changed changed"));
    }
}
