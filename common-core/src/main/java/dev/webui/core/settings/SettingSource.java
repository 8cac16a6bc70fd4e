package dev.webui.core.settings;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an effective setting value came from. */
public enum SettingSource {
    /** Saved by an admin in the config table (ENABLE_PERSISTENT_CONFIG=true). */
    DATABASE("database"),
    /** Saved by an admin while ENABLE_PERSISTENT_CONFIG=false: kept in this replica's memory, never written to the table. */
    RUNTIME("runtime"),
    ENV("env"),
    DEFAULT("default");

    private final String wire;

    SettingSource(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
