package dev.webui.common.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.config.InvalidConfigurationException;
import dev.webui.core.settings.EffectiveSetting;
import dev.webui.core.settings.Precedence;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.SettingSource;
import dev.webui.core.settings.Settings;
import dev.webui.core.settings.DocumentPaths;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Every service's typed access to the registered settings ({@link Settings}), with Open WebUI's
 * precedence ({@link Precedence}): saved value, else environment variable, else default.
 * <p>
 * Saved values live in the shared settings document ({@link SettingsDocument}); reads are served
 * from this replica's copy, which a save on any replica replaces at once (Redis announcement).
 * With ENABLE_PERSISTENT_CONFIG=false, saves stay in this replica's memory and the table is
 * neither read nor written, so the environment applies after each restart.
 */
@ApplicationScoped
public class SettingsReader {
    private final SettingsDocument document;
    private final boolean persistent;
    private final Map<Setting, JsonNode> environment = new HashMap<>();
    private volatile ObjectNode runtime;
    private final AtomicLong runtimeGeneration = new AtomicLong();

    public SettingsReader(SettingsDocument document, SettingsConfig settings, Config config, ObjectMapper mapper) {
        this.document = document;
        this.persistent = settings.enablePersistentConfig();
        this.runtime = mapper.createObjectNode().put("version", 0);
        String service = config.getOptionalValue("quarkus.application.name", String.class).orElse("");
        for (Setting setting : Settings.ALL) {
            config.getOptionalValue(setting.env(), String.class).ifPresent(text -> {
                try {
                    environment.put(setting, setting.type().parse(text, mapper));
                } catch (IllegalArgumentException e) {
                    // a variable only another service reads is that service's to refuse
                    if (setting.readers().stream().anyMatch(r -> r.service().equals(service))) {
                        throw new InvalidConfigurationException(setting.env() + " is invalid: " + e.getMessage());
                    }
                }
            });
        }
    }

    public boolean persistent() {
        return persistent;
    }

    /** Makes sure this replica's copy of the saved document is current (re-reads it when a change was announced or it aged). */
    /** Whether this replica's copy is current now, so that {@link #reload()} would not read anything. */
    public boolean upToDate() {
        return !persistent || document.fresh() != null;
    }

    public Uni<Void> reload() {
        return persistent ? document.current().replaceWithVoid() : Uni.createFrom().voidItem();
    }

    private ObjectNode saved() {
        return persistent ? document.cached() : runtime;
    }

    /** Changes whenever the saved document changes, so that caches built from settings know to rebuild. */
    public long generation() {
        return persistent ? document.generation() : runtimeGeneration.get();
    }

    public EffectiveSetting effective(Setting setting) {
        return Precedence.resolve(setting, environment.get(setting), saved(),
                persistent ? SettingSource.DATABASE : SettingSource.RUNTIME);
    }

    public JsonNode get(Setting setting) {
        return effective(setting).value();
    }

    public boolean bool(Setting setting) {
        return get(setting).asBoolean(false);
    }

    /** The value as text; null when it is JSON null. */
    public String text(Setting setting) {
        JsonNode value = get(setting);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The saved value alone (null when nothing is saved at the path), for callers that check what was stored. */
    public JsonNode saved(Setting setting) {
        return DocumentPaths.get(saved(), setting.path());
    }

    /** The value the environment alone gives (the variable, else the default). */
    public JsonNode environment(Setting setting) {
        JsonNode env = environment.get(setting);
        return (env != null ? env : setting.defaultValue()).deepCopy();
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

    /** Applies an edit to the saved document: stored and announced, or kept in memory when not persistent. */
    public Uni<Void> change(Consumer<ObjectNode> edit) {
        if (persistent) {
            return document.update(edit).replaceWithVoid();
        }
        synchronized (this) {
            ObjectNode next = runtime.deepCopy();
            edit.accept(next);
            runtime = next;
            runtimeGeneration.incrementAndGet();
        }
        return Uni.createFrom().voidItem();
    }
}
