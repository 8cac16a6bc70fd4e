package dev.webui.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.app.AppConfig;
import dev.webui.api.connection.Connection;
import dev.webui.api.connection.OpenAiClient;
import dev.webui.api.connection.OpenAiSettings;
import dev.webui.api.ollama.OllamaModels;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.redis.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The raw connection models and the preset rows behind /api/models, cached per replica. Callers
 * never wait for providers except on the very first call, after a local change, or with
 * {@code refresh}: an expired or outdated list is served while one background refresh runs.
 * Preset changes are announced on Redis so every replica refreshes.
 */
@ApplicationScoped
public class ModelCatalog {
    private static final Logger LOG = Logger.getLogger(ModelCatalog.class);

    /** What /api/models is built from. */
    public record Snapshot(List<ObjectNode> base, List<ModelPreset> presets, long settingsGeneration, Instant fetchedAt) {
    }

    private final OpenAiSettings openai;
    private final OpenAiClient client;
    private final OllamaModels ollama;
    private final ModelRepository presets;
    private final SettingsStore settings;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final Duration ttl;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Uni<Snapshot>> loading = new AtomicReference<>();
    private volatile boolean stale;
    private volatile Cancellable subscription;

    public ModelCatalog(OpenAiSettings openai, OpenAiClient client, OllamaModels ollama, ModelRepository presets,
                        SettingsStore settings, ReactiveRedisDataSource redis, RedisKeys keys, AppConfig config) {
        this.openai = openai;
        this.client = client;
        this.ollama = ollama;
        this.presets = presets;
        this.settings = settings;
        this.redis = redis;
        this.keys = keys;
        this.ttl = Duration.ofSeconds(Math.max(1, config.modelsCacheTtl()));
    }

    void start(@Observes StartupEvent event) {
        subscription = redis.pubsub(String.class).subscribe(keys.modelsChangedChannel())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(message -> stale = true);
    }

    void stop(@Observes ShutdownEvent event) {
        Cancellable s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    public Uni<Snapshot> snapshot(boolean refresh) {
        Snapshot ready = refresh ? null : ready();
        return ready != null ? Uni.createFrom().item(ready) : load();
    }

    /**
     * The list when callers may have it without waiting; null when they must wait for a load. After
     * a change (here, on another replica, or to the connections) callers wait for the new list; an
     * expired list is served while it is refreshed in the background.
     */
    public Snapshot ready() {
        Snapshot snapshot = current.get();
        if (snapshot == null || stale || snapshot.settingsGeneration() != settings.generation()) {
            return null;
        }
        if (snapshot.fetchedAt().plus(ttl).isBefore(Instant.now())) {
            load().subscribe().with(s -> { }, e -> LOG.warnf(e, "Model list refresh failed"));
        }
        return snapshot;
    }

    /** After a change made here: the next caller waits for fresh data; other replicas refresh in the background. */
    public Uni<Void> changed() {
        current.set(null);
        return redis.pubsub(String.class).publish(keys.modelsChangedChannel(), "changed");
    }

    /** Fetches once for all concurrent callers. */
    private Uni<Snapshot> load() {
        Uni<Snapshot> running = loading.get();
        if (running != null) {
            return running;
        }
        Uni<Snapshot> fresh = Uni.createFrom().deferred(() -> {
                    stale = false;
                    long generation = settings.generation();
                    return Uni.combine().all().unis(fetchBase(), presets.all())
                            .with((base, rows) -> new Snapshot(base, rows, generation, Instant.now()));
                })
                .invoke(current::set)
                .eventually(() -> loading.set(null))
                .memoize().indefinitely();
        return loading.compareAndSet(null, fresh) ? fresh : loading.get() == null ? fresh : loading.get();
    }

    /** Every enabled connection's models, OpenAI's then Ollama's, with prefix ids; an unreachable provider contributes nothing. */
    public Uni<List<ObjectNode>> fetchBase() {
        return Uni.combine().all().unis(fetchOpenAi(), ollama.fetch()).with((openaiModels, ollamaModels) -> {
            List<ObjectNode> all = new ArrayList<>(openaiModels);
            all.addAll(ollamaModels);
            return all;
        });
    }

    private Uni<List<ObjectNode>> fetchOpenAi() {
        if (!openai.enabled()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<ObjectNode>>> calls = new ArrayList<>();
        for (Connection connection : openai.connections()) {
            if (connection.enabled() && !connection.baseUrl().isBlank()) {
                calls.add(fetch(connection));
            }
        }
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(calls).andFailFast().map(lists -> {
            List<ObjectNode> all = new ArrayList<>();
            lists.forEach(all::addAll);
            return all;
        });
    }

    private Uni<List<ObjectNode>> fetch(Connection connection) {
        List<String> configured = connection.modelIds();
        if (!configured.isEmpty()) {
            List<ObjectNode> entries = new ArrayList<>();
            configured.forEach(id -> entries.add(entry(connection, JsonNodeFactory.instance.objectNode().put("id", id).put("name", id))));
            return Uni.createFrom().item(entries);
        }
        return client.models(connection.baseUrl(), connection.sendsKey() ? connection.key() : null)
                .map(body -> {
                    List<ObjectNode> entries = new ArrayList<>();
                    JsonNode data = body.isArray() ? body : body.path("data");
                    data.forEach(model -> {
                        if (model instanceof ObjectNode object && object.path("id").isTextual()) {
                            entries.add(entry(connection, object));
                        }
                    });
                    return entries;
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Connection %d (%s) did not list its models: %s", connection.index(), connection.baseUrl(), e.getMessage());
                    return List.of();
                });
    }

    static ObjectNode entry(Connection connection, ObjectNode model) {
        String rawId = model.get("id").textValue();
        String id = connection.prefixId() == null ? rawId : connection.prefixId() + "." + rawId;
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", id);
        entry.put("name", model.path("name").isTextual() ? model.get("name").textValue() : rawId);
        entry.put("object", "model");
        entry.put("created", model.path("created").canConvertToLong() ? model.path("created").asLong() : Instant.now().getEpochSecond());
        entry.put("owned_by", "openai");
        entry.put("connection_type", connection.connectionType());
        entry.put("urlIdx", connection.index());
        entry.set("openai", model);
        entry.set("tags", connection.tags().deepCopy());
        entry.putArray("actions");
        entry.putArray("filters");
        return entry;
    }
}
