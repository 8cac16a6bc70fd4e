package dev.webui.bridge.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.bridge.access.AccessRepository;
import dev.webui.bridge.config.BridgeConfig;
import dev.webui.bridge.config.BridgeSettings;
import dev.webui.bridge.metrics.BridgeMetrics;
import dev.webui.common.auth.JwtService;
import dev.webui.common.auth.TokenRevocation;
import dev.webui.common.auth.UserDirectory;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Starts this process's bridge instance with Quarkus (after configuration checks and migrations) and stops it with Quarkus. */
@ApplicationScoped
public class BridgeLifecycle {
    private final BridgeServices services;
    private final BridgeSettings settings;
    private volatile BridgeInstance instance;

    public BridgeLifecycle(BridgeConfig config, ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json,
                           JwtService jwt, TokenRevocation revocation, UserDirectory users, Pool pool, BridgeMetrics metrics) {
        this.settings = BridgeSettings.from(config);
        this.services = new BridgeServices(redis, keys, json, jwt, revocation, users,
                new AccessRepository(pool, settings.bypassAdminAccessControl()), metrics);
    }

    void start(@Observes @Priority(100) StartupEvent event) {
        BridgeInstance started = new BridgeInstance(settings, services);
        started.start();
        instance = started;
    }

    void stop(@Observes ShutdownEvent event) {
        BridgeInstance running = instance;
        if (running != null) {
            running.close();
        }
    }

    /** The settings this process runs with (tests build further instances from them). */
    public BridgeSettings settings() {
        return settings;
    }

    public BridgeServices services() {
        return services;
    }

    public BridgeInstance instance() {
        return instance;
    }
}
