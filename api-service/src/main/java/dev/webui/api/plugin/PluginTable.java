package dev.webui.api.plugin;

/**
 * The two tables of imported Python plugins and the key under which Open WebUI keeps a user's
 * valves for them in {@code user.settings} ({@code tools.valves.<id>}, {@code functions.valves.<id>}).
 */
enum PluginTable {
    TOOL("tool", "tools"),
    FUNCTION("function", "functions");

    final String table;
    final String settingsKey;

    PluginTable(String table, String settingsKey) {
        this.table = table;
        this.settingsKey = settingsKey;
    }
}
