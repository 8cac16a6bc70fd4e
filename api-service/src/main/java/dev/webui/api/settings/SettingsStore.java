package dev.webui.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.core.json.JsonSanitizer;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.EffectiveSetting;
import dev.webui.core.settings.Setting;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * api-service's admin settings: the shared {@link SettingsReader} (registry, precedence, saved
 * document), with saved text cleaned of what PostgreSQL's jsonb cannot hold.
 */
@ApplicationScoped
public class SettingsStore {
    private final SettingsReader reader;

    public SettingsStore(SettingsReader reader) {
        this.reader = reader;
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        reload().await().atMost(Duration.ofSeconds(30));
    }

    /** Makes sure this replica's copy of the saved document is current (re-reads it when a change was announced). */
    public Uni<Void> reload() {
        return reader.reload();
    }

    /** Whether this replica's copy is current now, so that {@link #reload()} would not read anything. */
    public boolean upToDate() {
        return reader.upToDate();
    }

    /** Changes whenever the saved document changes, so that caches built from settings know to rebuild. */
    public long generation() {
        return reader.generation();
    }

    public JsonNode get(Setting setting) {
        return reader.get(setting);
    }

    public boolean bool(Setting setting) {
        return reader.bool(setting);
    }

    public String text(Setting setting) {
        return reader.text(setting);
    }

    /** The value the environment alone gives (the variable, else the default). */
    public JsonNode environment(Setting setting) {
        return reader.environment(setting);
    }

    public EffectiveSetting effective(Setting setting) {
        return reader.effective(setting);
    }

    public List<EffectiveSetting> all() {
        return reader.all();
    }

    /** The whole saved document (configs export). */
    public JsonNode document() {
        return reader.document();
    }

    /** Saves values at their paths and makes every replica see them. */
    public Uni<Void> save(Map<Setting, JsonNode> values) {
        return change(current -> values.forEach((setting, value) -> dev.webui.core.settings.DocumentPaths.set(current, setting.path(), value)));
    }

    /** Replaces the saved document (configs import). */
    public Uni<Void> replace(ObjectNode replacement) {
        return change(current -> {
            current.removeAll();
            current.setAll(replacement);
        });
    }

    private Uni<Void> change(Consumer<ObjectNode> edit) {
        return reader.change(edit.andThen(current -> {
            // jsonb cannot hold U+0000 or unpaired surrogates
            JsonNode cleaned = JsonSanitizer.clean(current);
            if (cleaned != current) {
                current.removeAll();
                current.setAll((ObjectNode) cleaned);
            }
        }));
    }
}
