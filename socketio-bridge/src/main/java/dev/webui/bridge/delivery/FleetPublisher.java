package dev.webui.bridge.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.events.ClientEvent;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import org.jboss.logging.Logger;

/**
 * What the bridge itself publishes: room fan-outs (typing, Yjs) go through the emit channel so the
 * sockets of every instance get them, and client events for the services go to the client-event channel.
 */
public final class FleetPublisher {
    private static final Logger LOG = Logger.getLogger(FleetPublisher.class);

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ObjectMapper json;

    public FleetPublisher(ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    public void emit(Emit emit) {
        publish(keys.emitChannel(), emit);
    }

    public void forward(ClientEvent event) {
        publish(keys.clientEventChannel(), event);
    }

    private void publish(String channel, Object message) {
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable to JSON", e);
        }
        redis.pubsub(String.class).publish(channel, payload).subscribe().with(done -> { },
                e -> LOG.warnf(e, "Could not publish on %s", channel));
    }
}
