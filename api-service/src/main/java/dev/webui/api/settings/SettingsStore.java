package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.app.AppConfig;
import dev.webui.api.json.JsonText;
import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.common.settings.SettingsDocument;
import dev.webui.core.json.JsonSanitizer;
import dev.webui.core.settings.DocumentPaths;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Admin settings with Open WebUI's precedence: a value saved by an admin wins over the
 * environment (unless ENABLE_PERSISTENT_CONFIG=false), the environment wins over the default. A
 * saved object is laid over an object default key by key (as auth-service does for
 * {@code user.permissions}), so a partial save keeps the other defaults.
 * <p>
 * The saved values live in the suite's one settings document ({@link SettingsDocument}, shared
 * with auth-service and the API-key policy); reads are served from this replica's copy of it.
 * With ENABLE_PERSISTENT_CONFIG=false, saves stay in this replica's memory.
 */
@ApplicationScoped
public class SettingsStore {
    private final SettingsDocument document;
    private final JsonText json;
    private final AppConfig app;
    private final Map<Setting, JsonNode> environment = new HashMap<>();
    private volatile ObjectNode runtime;
    private final AtomicLong runtimeGeneration = new AtomicLong();

    public SettingsStore(SettingsDocument document, JsonText json, AppConfig app, Config config) {
        this.document = document;
        this.json = json;
        this.app = app;
        this.runtime = json.mapper().createObjectNode().put("version", 0);
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
    }

    /** Makes sure this replica's copy of the saved document is current (re-reads it when a change was announced). */
    public Uni<Void> reload() {
        return app.enablePersistentConfig() ? document.current().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    private ObjectNode saved() {
        return app.enablePersistentConfig() ? document.cached() : runtime;
    }

    /** Changes whenever the saved document changes, so that caches built from settings know to rebuild. */
    public long generation() {
        return app.enablePersistentConfig() ? document.generation() : runtimeGeneration.get();
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
        JsonNode env = environment.get(setting);
        JsonNode base = env != null ? env : setting.defaultValue();
        JsonNode stored = DocumentPaths.get(saved(), setting.path());
        if (stored != null) {
            JsonNode value = stored;
            if (stored instanceof ObjectNode storedObject && base instanceof ObjectNode baseObject && !baseObject.isEmpty()) {
                ObjectNode merged = baseObject.deepCopy();
                DocumentPaths.deepMerge(merged, storedObject);
                value = merged;
            }
            return new EffectiveSetting(setting.path(), setting.env(), value,
                    app.enablePersistentConfig() ? SettingSource.DATABASE : SettingSource.RUNTIME);
        }
        return new EffectiveSetting(setting.path(), setting.env(), base.deepCopy(), env != null ? SettingSource.ENV : SettingSource.DEFAULT);
    }

    public List<EffectiveSetting> all() {
        return Settings.ALL.stream().map(this::effective).toList();
    }

    /** The whole saved document (configs export). */
    public JsonNode document() {
        return saved().deepCopy();
    }

    /** Saves values at their paths and makes every replica see them. */
    public Uni<Void> save(Map<Setting, JsonNode> values) {
        return change(current -> values.forEach((setting, value) -> DocumentPaths.set(current, setting.path(), value)));
    }

    /** Replaces the saved document (configs import). */
    public Uni<Void> replace(ObjectNode replacement) {
        return change(current -> {
            current.removeAll();
            current.setAll(replacement);
        });
    }

    private Uni<Void> change(Consumer<ObjectNode> edit) {
        Consumer<ObjectNode> clean = edit.andThen(current -> {
            // jsonb cannot hold U+0000 or unpaired surrogates
            JsonNode cleaned = JsonSanitizer.clean(current);
            if (cleaned != current) {
                current.removeAll();
                current.setAll((ObjectNode) cleaned);
            }
        });
        if (app.enablePersistentConfig()) {
            return document.update(clean).replaceWithVoid();
        }
        synchronized (this) {
            ObjectNode next = runtime.deepCopy();
            clean.accept(next);
            runtime = next;
            runtimeGeneration.incrementAndGet();
        }
        return Uni.createFrom().voidItem();
    }
}
