package dev.webui.api.code;

import dev.webui.api.settings.SettingsStore;
import dev.webui.common.error.ApiException;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The rules of the "Run" button on the server: only when the admin enabled code execution with the
 * Jupyter engine (pyodide runs in the browser and never calls here); a timeout is a 504, an
 * unusable server a 502.
 */
@ApplicationScoped
public class CodeExecution {
    private final SettingsStore settings;
    private final JupyterClient jupyter;

    public CodeExecution(SettingsStore settings, JupyterClient jupyter) {
        this.settings = settings;
        this.jupyter = jupyter;
    }

    public Uni<CodeAnswer> execute(String code) {
        if (!settings.bool(Settings.ENABLE_CODE_EXECUTION)) {
            return Uni.createFrom().failure(ApiException.forbidden("Code execution is disabled by the administrator"));
        }
        String engine = settings.text(Settings.CODE_EXECUTION_ENGINE);
        if (!"jupyter".equals(engine)) {
            return Uni.createFrom().failure(ApiException.badRequest("Code execution engine not supported: the engine is '"
                    + engine + "', and only 'jupyter' runs on the server (pyodide runs in the browser)"));
        }
        JupyterTarget target = JupyterTarget.execution(settings);
        if (!target.configured()) {
            return Uni.createFrom().failure(ApiException.badRequest(
                    "Code execution engine not configured: set the Jupyter URL (CODE_EXECUTION_JUPYTER_URL) in Admin Settings > Code Execution"));
        }
        return jupyter.run(target, code).map(output -> {
            if (output.timedOut()) {
                throw new ApiException(504, "Code execution timed out after " + target.effectiveTimeoutSeconds()
                        + " s (CODE_EXECUTION_JUPYTER_TIMEOUT); the kernel was stopped");
            }
            return CodeAnswer.of(output);
        });
    }
}
