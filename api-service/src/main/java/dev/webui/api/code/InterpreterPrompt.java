package dev.webui.api.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.step.PayloadStep;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.settings.SettingsStore;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The chat's code interpreter switch ({@code features.code_interpreter}), when the admin enabled
 * the interpreter: tells the model how to write code to run, by adding the admin's
 * {@code CODE_INTERPRETER_PROMPT_TEMPLATE} (or ours) to the last user message, as Open WebUI does.
 * {@link InterpreterRound} then runs what the model writes.
 */
@ApplicationScoped
public class InterpreterPrompt implements PayloadStep {
    static final String DEFAULT_PROMPT = """

            #### Tools Available

            1. **Code Interpreter**: `<code_interpreter type="code" lang="python"></code_interpreter>`
               - You can run Python during this answer, in a sandbox (a Jupyter kernel or the user's browser). Use it for calculations, data analysis and anything better computed than guessed.
               - Write the code between `<code_interpreter type="code" lang="python">` and `</code_interpreter>` and stop writing right after the closing tag: code only runs when written that way, and its output is then given back to you.
               - Inside the tags write plain Python, without markdown code fences (```): a fence is a syntax error there.
               - Print what matters (results, tables, summaries) explicitly instead of relying on the value of the last expression.
               - Once you have the output, explain what it means or what to do next. If it is unclear or wrong, correct the code and run it again.
               - If the output holds a markdown link to an image, audio or other file, repeat the link exactly in your answer so the user can open it.
               - Answer in the language of the conversation (English when it mixes languages).

            Use the interpreter whenever it makes the answer better.""";

    private final SettingsStore settings;

    public InterpreterPrompt(SettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public boolean wanted(StepContext context) {
        return context.feature("code_interpreter") && settings.bool(Settings.ENABLE_CODE_INTERPRETER);
    }

    @Override
    public Uni<Void> run(StepContext context) {
        String template = settings.text(Settings.CODE_INTERPRETER_PROMPT_TEMPLATE);
        appendToLastUserMessage(context.payload(), template == null || template.isBlank() ? DEFAULT_PROMPT : template);
        return Uni.createFrom().voidItem();
    }

    /** After a newline at the end of the last message's text when the user wrote last; else as a user message of its own. */
    static void appendToLastUserMessage(ObjectNode payload, String text) {
        ArrayNode messages = payload.withArray("messages");
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last instanceof ObjectNode message && "user".equals(message.path("role").asText())) {
            JsonNode content = message.get("content");
            if (content instanceof ArrayNode parts) {
                parts.forEach(part -> {
                    if (part instanceof ObjectNode item && "text".equals(item.path("type").asText())) {
                        item.put("text", item.path("text").asText("") + "\n" + text);
                    }
                });
            } else {
                message.put("content", (content == null || content.isNull() ? "" : content.asText("")) + "\n" + text);
            }
            return;
        }
        messages.addObject().put("role", "user").put("content", text);
    }
}
