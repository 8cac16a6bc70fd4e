package dev.webui.api.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.events.EventCaller;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the interpreter's code with the admin's {@code CODE_INTERPRETER_ENGINE}: on the Jupyter
 * server, or (pyodide, Open WebUI's default) in the browser tab that asked, through an acked
 * {@code chat-events} {@code execute:python} event. Never fails: what went wrong is output.
 */
@ApplicationScoped
public class InterpreterEngine {
    /** The stock UI stops pyodide after 60 s and then answers; a little more for the way back. */
    static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(65);

    private final SettingsStore settings;
    private final JupyterClient jupyter;
    private final EventCaller browser;
    private final List<String> blocked;

    public InterpreterEngine(SettingsStore settings, JupyterClient jupyter, EventCaller browser, InterpreterConfig config) {
        this.settings = settings;
        this.jupyter = jupyter;
        this.browser = browser;
        this.blocked = ImportGuard.modules(config.blockedModules().orElse(""));
    }

    public Uni<CodeOutput> run(StepContext context, String modelCode) {
        String code = ImportGuard.apply(blocked, modelCode);
        String engine = settings.text(Settings.CODE_INTERPRETER_ENGINE);
        Uni<CodeOutput> run;
        if ("jupyter".equals(engine)) {
            JupyterTarget target = JupyterTarget.interpreter(settings);
            run = target.configured() ? jupyter.run(target, code, context.stopped())
                    : Uni.createFrom().item(CodeOutput.failure("no Jupyter URL is configured (CODE_INTERPRETER_JUPYTER_URL)"));
        } else if ("pyodide".equals(engine)) {
            run = inBrowser(context, code);
        } else {
            run = Uni.createFrom().item(new CodeOutput("Code interpreter engine not configured.", "", "", false));
        }
        return run.onFailure().recoverWithItem(error -> CodeOutput.failure(JupyterSession.describe(error)));
    }

    private Uni<CodeOutput> inBrowser(StepContext context, String code) {
        String session = context.request().sessionId();
        if (session == null) {
            return Uni.createFrom().item(CodeOutput.failure(
                    "the pyodide engine runs Python in the browser, and this request has no browser session"));
        }
        Map<String, Object> execute = new LinkedHashMap<>();
        execute.put("id", UUID.randomUUID().toString());
        execute.put("code", code);
        execute.put("session_id", session);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("chat_id", context.request().chatId());
        event.put("message_id", context.request().messageId());
        event.put("data", Map.of("type", "execute:python", "data", execute));
        return browser.call(context.user().id(), session, "chat-events", event, BROWSER_TIMEOUT).map(InterpreterEngine::fromBrowser);
    }

    /** The stock UI answers {@code {stdout, stderr, result}}, each a string or null. */
    static CodeOutput fromBrowser(JsonNode answer) {
        return new CodeOutput(text(answer, "stdout"), text(answer, "stderr"), text(answer, "result"), false);
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer == null ? null : answer.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        return (value.isTextual() ? value.asText() : value.toString()).strip();
    }
}
