package dev.webui.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.common.http.RequestIds;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Hands events for browsers to the Socket.IO bridge over Redis; services never speak Socket.IO. */
@ApplicationScoped
public class EventPublisher {
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ObjectMapper json;

    public EventPublisher(ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    /**
     * Publishes the request, labelled with the id of the request being served unless it names one;
     * completes once Redis accepted it (delivery to sockets is the bridge's job).
     */
    public Uni<Void> emit(EmitRequest request) {
        String payload;
        try {
            payload = json.writeValueAsString(request.requestId() == null ? request.withRequestId(RequestIds.current()) : request);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event data is not serialisable to JSON", e));
        }
        return redis.pubsub(String.class).publish(keys.emitChannel(), payload);
    }
}
