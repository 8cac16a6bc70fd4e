package dev.webui.bridge.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.bridge.access.AccessRepository;
import dev.webui.bridge.metrics.BridgeMetrics;
import dev.webui.common.auth.JwtService;
import dev.webui.common.auth.TokenRevocation;
import dev.webui.common.auth.UserDirectory;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;

/** What a bridge instance needs from the application: Redis, the user directory, access rules, meters. */
public record BridgeServices(ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json, JwtService jwt,
                             TokenRevocation revocation, UserDirectory users, AccessRepository access, BridgeMetrics metrics) {
}
