package dev.webui.common.auth;

import dev.webui.common.config.ApiKeyConfig;
import dev.webui.common.error.ApiException;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether an sk- API key may be used at all, and on which paths. The environment gives the
 * defaults (ENABLE_API_KEY, ENABLE_API_KEY_ENDPOINT_RESTRICTIONS, API_KEY_ALLOWED_ENDPOINTS);
 * values an admin saved in the config table ({@code auth.api_key.*}) win while
 * ENABLE_PERSISTENT_CONFIG is on. A replica re-reads them when a config change is announced on
 * Redis, and at the latest after {@link #MAX_AGE}.
 */
@ApplicationScoped
public class ApiKeyPolicy {
    private static final Logger LOG = Logger.getLogger(ApiKeyPolicy.class);
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    record Rules(boolean enabled, boolean restricted, List<String> allowedEndpoints) {
    }

    private record Snapshot(Rules rules, long loadedAtNanos) {
    }

    private final ApiKeyConfig config;
    private final Pool pool;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private volatile Snapshot snapshot;
    private volatile Cancellable subscription;

    public ApiKeyPolicy(ApiKeyConfig config, Pool pool, ReactiveRedisDataSource redis, RedisKeys keys) {
        this.config = config;
        this.pool = pool;
        this.redis = redis;
        this.keys = keys;
    }

    /** Fails with a 403 {@link ApiException} when a key may not call this path. */
    public Uni<Void> check(String path) {
        return rules().map(rules -> {
            if (!rules.enabled()) {
                throw new ApiException(403, "API key usage is disabled on this server.");
            }
            if (rules.restricted() && !allowed(path, rules.allowedEndpoints())) {
                throw new ApiException(403, "This API key may not call " + path + ".");
            }
            return null;
        });
    }

    private Uni<Rules> rules() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.loadedAtNanos() < MAX_AGE.toNanos()) {
            return Uni.createFrom().item(current.rules());
        }
        Rules defaults = new Rules(config.enableApiKey(), config.enableApiKeyEndpointRestrictions(),
                config.apiKeyAllowedEndpoints().orElse(List.of()));
        if (!config.enablePersistentConfig()) {
            return Uni.createFrom().item(remember(defaults));
        }
        return pool.query("SELECT data #> '{auth,api_key}' AS api_key FROM config ORDER BY id DESC LIMIT 1").execute()
                .map(rows -> {
                    var it = rows.iterator();
                    Object saved = it.hasNext() ? it.next().getValue("api_key") : null;
                    return remember(saved instanceof JsonObject json ? merge(defaults, json) : defaults);
                });
    }

    static Rules merge(Rules defaults, JsonObject saved) {
        boolean enabled = saved.getValue("enable") instanceof Boolean b ? b : defaults.enabled();
        boolean restricted = saved.getValue("endpoint_restrictions") instanceof Boolean b ? b : defaults.restricted();
        List<String> endpoints = saved.getValue("allowed_endpoints") instanceof String s
                ? Arrays.stream(s.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList()
                : defaults.allowedEndpoints();
        return new Rules(enabled, restricted, endpoints);
    }

    private Rules remember(Rules rules) {
        snapshot = new Snapshot(rules, System.nanoTime());
        return rules;
    }

    void start(@Observes StartupEvent event) {
        subscription = redis.pubsub(String.class).subscribe(keys.settingsChangedChannel())
                .onSubscription().invoke(() -> snapshot = null)
                .onFailure().invoke(e -> LOG.debugf("Settings change subscription lost (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(ignored -> snapshot = null);
    }

    void stop(@Observes ShutdownEvent event) {
        Optional.ofNullable(subscription).ifPresent(Cancellable::cancel);
    }

    static boolean allowed(String path, List<String> endpoints) {
        for (String raw : endpoints) {
            String endpoint = raw.trim();
            if (endpoint.endsWith("/")) {
                endpoint = endpoint.substring(0, endpoint.length() - 1);
            }
            if (!endpoint.isEmpty() && (path.equals(endpoint) || path.startsWith(endpoint + "/"))) {
                return true;
            }
        }
        return false;
    }
}
