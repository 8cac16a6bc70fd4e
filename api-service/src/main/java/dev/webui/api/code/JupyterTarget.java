package dev.webui.api.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.settings.SettingsStore;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;

/**
 * A Jupyter server to run code on, as the admin configured it: the "Run" button's
 * ({@code CODE_EXECUTION_JUPYTER_*}) or the chat interpreter's ({@code CODE_INTERPRETER_JUPYTER_*}).
 *
 * @param auth "token", "password" or anything else for none (Open WebUI's values)
 */
public record JupyterTarget(String url, String auth, String token, String password, int timeoutSeconds) {
    public static JupyterTarget execution(SettingsStore settings) {
        return of(settings, Settings.CODE_EXECUTION_JUPYTER_URL, Settings.CODE_EXECUTION_JUPYTER_AUTH,
                Settings.CODE_EXECUTION_JUPYTER_AUTH_TOKEN, Settings.CODE_EXECUTION_JUPYTER_AUTH_PASSWORD,
                Settings.CODE_EXECUTION_JUPYTER_TIMEOUT);
    }

    public static JupyterTarget interpreter(SettingsStore settings) {
        return of(settings, Settings.CODE_INTERPRETER_JUPYTER_URL, Settings.CODE_INTERPRETER_JUPYTER_AUTH,
                Settings.CODE_INTERPRETER_JUPYTER_AUTH_TOKEN, Settings.CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD,
                Settings.CODE_INTERPRETER_JUPYTER_TIMEOUT);
    }

    private static JupyterTarget of(SettingsStore settings, Setting url, Setting auth, Setting token, Setting password,
                                    Setting timeout) {
        return new JupyterTarget(text(settings, url), text(settings, auth), text(settings, token),
                text(settings, password), seconds(settings.get(timeout)));
    }

    /** Null (no limit in Open WebUI's form) means its default of 60 s. */
    private static int seconds(JsonNode value) {
        return value != null && value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : 60;
    }

    private static String text(SettingsStore settings, Setting setting) {
        String value = settings.text(setting);
        return value == null ? "" : value.trim();
    }

    public boolean configured() {
        return url.startsWith("http://") || url.startsWith("https://");
    }

    /** The token, when the admin chose token authentication and gave one. */
    public String tokenOrNull() {
        return "token".equals(auth) && !token.isEmpty() ? token : null;
    }

    /** The password, when the admin chose password authentication (and no token) and gave one. */
    public String passwordOrNull() {
        return "password".equals(auth) && !password.isEmpty() ? password : null;
    }

    /** At least one second: a zero or negative timeout would end every run before it starts. */
    public int effectiveTimeoutSeconds() {
        return Math.max(1, timeoutSeconds);
    }

    /** The base URL with one trailing slash, so that relative API paths resolve under any base path. */
    public String base() {
        return url.endsWith("/") ? url : url + "/";
    }
}
