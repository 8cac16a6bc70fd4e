package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.app.AppConfig;
import dev.webui.api.json.JsonText;
import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin settings with Open WebUI's precedence: a value saved by an admin wins over the
 * environment (unless ENABLE_PERSISTENT_CONFIG=false; oauth.* only with
 * ENABLE_OAUTH_PERSISTENT_CONFIG=true), the environment wins over the default.
 * <p>
 * Every replica serves reads from memory. The saved document is shared through a Redis key and
 * a change channel: a writer updates the table, refreshes the key and announces the change;
 * every replica then re-reads the key. Writers outside api-service must publish on
 * {@link RedisKeys#settingsChangedChannel()} after changing the table.
 */
@ApplicationScoped
public class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class);
    /** Lifetime of the Redis copy: a table change nobody announced is picked up within this time. */
    private static final Duration SHARED_COPY_TTL = Duration.ofSeconds(60);

    private final SettingsRepository repository;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final JsonText json;
    private final AppConfig app;
    private final Map<Setting, JsonNode> environment = new HashMap<>();
    private volatile JsonNode saved;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private volatile Cancellable subscription;
    private volatile Cancellable refresher;

    public SettingsStore(SettingsRepository repository, ReactiveRedisDataSource redis, RedisKeys keys, JsonText json,
                         AppConfig app, Config config) {
        this.repository = repository;
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.app = app;
        for (Setting setting : Settings.ALL) {
            config.getOptionalValue(setting.env(), String.class).ifPresent(text -> {
                try {
                    environment.put(setting, setting.type().parse(text, json.mapper()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigurationException(setting.env() + " is invalid: " + e.getMessage());
                }
            });
        }
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        reload().await().atMost(Duration.ofSeconds(30));
        subscription = redis.pubsub(String.class).subscribe(keys.settingsChangedChannel())
                .onFailure().invoke(e -> LOG.warnf("Settings change subscription lost (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .onItem().transformToUniAndConcatenate(message -> reload().onFailure().recoverWithItem(() -> {
                    LOG.warn("Settings reload failed; keeping the previous values");
                    return null;
                }))
                .subscribe().with(ignored -> { });
        // Bounds staleness when a writer outside the suite (an operator, the importer) changes the table.
        refresher = Multi.createFrom().ticks().every(SHARED_COPY_TTL)
                .onItem().transformToUniAndConcatenate(tick -> reload().onFailure().recoverWithNull())
                .subscribe().with(ignored -> { });
    }

    void stop(@Observes ShutdownEvent event) {
        for (Cancellable current : new Cancellable[] {subscription, refresher}) {
            if (current != null) {
                current.cancel();
            }
        }
    }

    /** Re-reads the shared document: the Redis copy, else the table (which then seeds the Redis copy). */
    public Uni<Void> reload() {
        return redis.value(String.class).get(keys.settingsDocument()).chain(cached -> {
            if (cached != null) {
                adopt(json.read(cached));
                return Uni.createFrom().voidItem();
            }
            Uni<String> source = app.enablePersistentConfig() ? repository.load() : Uni.createFrom().item(SettingsRepository.EMPTY_DOCUMENT);
            return source.chain(text -> {
                String document = text == null ? SettingsRepository.EMPTY_DOCUMENT : text;
                adopt(json.read(document));
                return redis.value(String.class).set(keys.settingsDocument(), document, new SetArgs().nx().ex(SHARED_COPY_TTL))
                        .replaceWithVoid();
            });
        });
    }

    private void adopt(JsonNode document) {
        if (!document.equals(saved)) {
            saved = document;
            generation.incrementAndGet();
        }
    }

    /** Changes whenever the saved document changes, so that caches built from settings know to rebuild. */
    public long generation() {
        return generation.get();
    }

    public JsonNode get(Setting setting) {
        return effective(setting).value();
    }

    public boolean bool(Setting setting) {
        return get(setting).asBoolean(false);
    }

    public String text(Setting setting) {
        JsonNode value = get(setting);
        return value == null || value.isNull() ? null : value.asText();
    }

    public EffectiveSetting effective(Setting setting) {
        boolean storedHonoured = !setting.path().startsWith("oauth.") || app.enableOauthPersistentConfig();
        JsonNode stored = storedHonoured ? JsonPaths.get(saved, setting.segments()) : null;
        if (stored != null) {
            return new EffectiveSetting(setting.path(), setting.env(), stored,
                    app.enablePersistentConfig() ? SettingSource.DATABASE : SettingSource.RUNTIME);
        }
        JsonNode env = environment.get(setting);
        if (env != null) {
            return new EffectiveSetting(setting.path(), setting.env(), env, SettingSource.ENV);
        }
        return new EffectiveSetting(setting.path(), setting.env(), setting.defaultValue().deepCopy(), SettingSource.DEFAULT);
    }

    public List<EffectiveSetting> all() {
        return Settings.ALL.stream().map(this::effective).toList();
    }

    /** The whole saved document (configs export). */
    public JsonNode document() {
        return saved.deepCopy();
    }

    /** Saves values at their paths and makes every replica see them. */
    public Uni<Void> save(Map<Setting, JsonNode> values) {
        return change(document -> values.forEach((setting, value) -> JsonPaths.set(document, setting.segments(), value)));
    }

    /** Replaces the saved document (configs import). */
    public Uni<Void> replace(ObjectNode document) {
        return change(current -> {
            current.removeAll();
            current.setAll(document);
        });
    }

    private Uni<Void> change(java.util.function.Consumer<ObjectNode> edit) {
        Uni<String> written;
        if (app.enablePersistentConfig()) {
            written = repository.update(text -> apply(text, edit));
        } else {
            written = Uni.createFrom().item(() -> apply(json.write(saved), edit));
        }
        return written.chain(text -> redis.value(String.class).setex(keys.settingsDocument(), SHARED_COPY_TTL.toSeconds(), text)
                        .invoke(() -> adopt(json.read(text)))
                        .chain(() -> redis.pubsub(String.class).publish(keys.settingsChangedChannel(), "changed")));
    }

    private String apply(String text, java.util.function.Consumer<ObjectNode> edit) {
        JsonNode parsed = json.read(text);
        ObjectNode document = parsed instanceof ObjectNode object ? object : json.mapper().createObjectNode();
        edit.accept(document);
        return json.write(document);
    }
}
