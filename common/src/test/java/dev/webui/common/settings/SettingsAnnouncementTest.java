package dev.webui.common.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.webui.common.redis.RedisKeys;
import dev.webui.common.testing.TestEnvironment;
import dev.webui.core.settings.DocumentPaths;
import dev.webui.core.settings.SettingSource;
import dev.webui.core.settings.Settings;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A save on one replica reaches every other replica through the Redis announcement: the other
 * replica's copy changes without it reading anything (the maximum age only covers unannounced writes).
 */
@QuarkusTest
@QuarkusTestResource(value = TestEnvironment.class, restrictToAnnotatedClass = true)
class SettingsAnnouncementTest {
    @Inject
    SettingsDocument document;
    @Inject
    SettingsReader reader;
    @Inject
    RedisKeys keys;
    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;

    private SettingsDocument other;

    /** Another replica: its own copy of the document, on the same database and Redis. */
    private SettingsDocument otherReplica() {
        other = new SettingsDocument(pool, redis, keys, mapper);
        other.start(null);
        return other;
    }

    private long listeners() {
        var answer = redis.execute("PUBSUB", "NUMSUB", keys.settingsChangedChannel()).await().atMost(Duration.ofSeconds(5));
        return answer.get(1).toLong();
    }

    @AfterEach
    void stopOtherReplica() {
        if (other != null) {
            other.stop(null);
        }
    }

    @Test
    void aSaveOnAnotherReplicaReplacesThisReplicasCopy() {
        reader.reload().await().atMost(Duration.ofSeconds(10));
        assertEquals(SettingSource.DEFAULT, reader.effective(Settings.RESPONSE_WATERMARK).source());
        long before = document.generation();

        otherReplica().set(Map.of(Settings.RESPONSE_WATERMARK.path(), TextNode.valueOf("From the other replica")))
                .await().atMost(Duration.ofSeconds(10));

        // only cached() is read here: nothing but the announcement can make this replica re-read the table
        await().atMost(Duration.ofSeconds(20)).until(() -> "From the other replica".equals(reader.text(Settings.RESPONSE_WATERMARK)));
        assertEquals(SettingSource.DATABASE, reader.effective(Settings.RESPONSE_WATERMARK).source());
        assertFalse(document.generation() == before, "the replica adopted a new document");
    }

    @Test
    void aSaveHereReachesTheOtherReplica() {
        SettingsDocument replica = otherReplica();
        replica.current().await().atMost(Duration.ofSeconds(10));
        // a message published before the replica listens is lost (it re-reads when it starts listening instead)
        await().atMost(Duration.ofSeconds(20)).until(() -> listeners() >= 2);

        reader.save(Map.of(Settings.ENABLE_CHANNELS, BooleanNode.TRUE)).await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var saved = DocumentPaths.get(replica.cached(), Settings.ENABLE_CHANNELS.path());
            return saved != null && saved.booleanValue();
        });
    }
}
