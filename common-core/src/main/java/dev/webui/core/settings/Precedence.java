package dev.webui.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Open WebUI's rule for a persistent setting, in one place: the environment variable replaces the
 * default; a value saved in the settings document replaces both, unless ENABLE_PERSISTENT_CONFIG
 * is false, when only what was saved while this process runs counts (the caller passes that
 * document instead). A saved JSON null counts as saved: it is what an admin chose. A saved object
 * is laid over an object default key by key, so a partial save keeps the other defaults.
 */
public final class Precedence {
    private Precedence() {
    }

    /**
     * @param environment the setting's parsed environment value, or null when the variable is unset
     * @param saved the document the saved values are read from
     * @param source what a saved value is reported as (database, or runtime when not persistent)
     */
    public static EffectiveSetting resolve(Setting setting, JsonNode environment, JsonNode saved, SettingSource source) {
        JsonNode base = environment != null ? environment : setting.defaultValue();
        JsonNode stored = DocumentPaths.get(saved, setting.path());
        if (stored == null) {
            return new EffectiveSetting(setting.path(), setting.env(), base.deepCopy(),
                    environment != null ? SettingSource.ENV : SettingSource.DEFAULT);
        }
        JsonNode value = stored;
        if (stored instanceof ObjectNode storedObject && base instanceof ObjectNode baseObject && !baseObject.isEmpty()) {
            ObjectNode merged = baseObject.deepCopy();
            DocumentPaths.deepMerge(merged, storedObject);
            value = merged;
        }
        return new EffectiveSetting(setting.path(), setting.env(), value, source);
    }
}
