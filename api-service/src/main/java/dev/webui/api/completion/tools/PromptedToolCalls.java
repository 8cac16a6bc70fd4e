package dev.webui.api.completion.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.settings.SettingsStore;
import dev.webui.api.task.TaskGenerator;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolResult;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Open WebUI's default (prompt-based) function calling, for models without native tool calls: the
 * task model is shown the tools' specs and the recent conversation and answers which tools to call
 * with which parameters, as JSON; those calls run before the main request, and their results reach
 * the model twice, as Open WebUI does: appended to the last user message and as sources (citations).
 */
@ApplicationScoped
public class PromptedToolCalls {
    private static final Logger LOG = Logger.getLogger(PromptedToolCalls.class);
    /** Our wording of the task; the admin's TOOLS_FUNCTION_CALLING_PROMPT_TEMPLATE replaces it. {{TOOLS}}: the specs. */
    static final String BUILT_IN = """
            Tools you may call: {{TOOLS}}

            Decide which of these tools, if any, answer the query below, and with which parameters.
            - Reply with a JSON object only, no other text.
            - When no tool fits, reply {"tool_calls": []}.
            - Otherwise list each call with the tool's "name" and a "parameters" object of the values it needs:
            {"tool_calls": [{"name": "toolName", "parameters": {"key": "value"}}]}""";
    private static final int HISTORY = 4;

    private final TaskGenerator tasks;
    private final SettingsStore settings;
    private final ToolRunner runner;
    private final ObjectMapper mapper;

    public PromptedToolCalls(TaskGenerator tasks, SettingsStore settings, ToolRunner runner, ObjectMapper mapper) {
        this.tasks = tasks;
        this.settings = settings;
        this.runner = runner;
        this.mapper = mapper;
    }

    Uni<Void> run(StepContext context, ChatTools tools) {
        ArrayNode messages = mapper.createArrayNode();
        messages.addObject().put("role", "system").put("content", prompt(tools));
        messages.addObject().put("role", "user").put("content", "Query: " + query(context.request().body().path("messages")));
        return tasks.answer(context.user(), context.model().id(), messages)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "The task model could not choose tools");
                    return null;
                })
                .chain(answer -> {
                    List<ToolRunner.Planned> calls = calls(answer, tools);
                    if (calls.isEmpty() || context.stopped().getAsBoolean()) {
                        return Uni.createFrom().voidItem();
                    }
                    Runnable done = ToolStatus.running(context, calls);
                    return runner.run(context, calls).invoke(results -> {
                        done.run();
                        for (int i = 0; i < calls.size(); i++) {
                            use(context, calls.get(i), results.get(i));
                        }
                    }).replaceWithVoid();
                });
    }

    private String prompt(ChatTools tools) {
        String template = settings.text(Settings.TOOLS_PROMPT);
        ArrayNode specs = mapper.createArrayNode();
        tools.byName().values().forEach(function -> specs.add(function.spec()));
        return (template == null || template.isBlank() ? BUILT_IN : template).replace("{{TOOLS}}", specs.toString());
    }

    /** The last messages quoted by role, then the last user message: what the task model reads. */
    private static String query(JsonNode messages) {
        List<String> lines = new ArrayList<>();
        for (int i = Math.max(0, messages.size() - HISTORY); i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            lines.add(message.path("role").asText("user").toUpperCase() + ": \"\"\"" + text(message.get("content")) + "\"\"\"");
        }
        String last = "";
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                last = text(messages.get(i).get("content"));
                break;
            }
        }
        return "History:\n" + String.join("\n", lines) + "\nQuery: " + last;
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(part -> text.append(part.path("text").asText("")));
        return text.toString();
    }

    /** The calls the answer names ({@code {"tool_calls": [...]}} or a single {@code {"name", "parameters"}}), known tools only. */
    private List<ToolRunner.Planned> calls(String answer, ChatTools tools) {
        List<ToolRunner.Planned> calls = new ArrayList<>();
        if (answer == null) {
            return calls;
        }
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        JsonNode json;
        try {
            json = start < 0 || end <= start ? null : mapper.readTree(answer.substring(start, end + 1));
        } catch (Exception e) {
            LOG.debugf("The task model's tool choice is not JSON: %s", e.getMessage());
            return calls;
        }
        if (json == null || !json.isObject()) {
            return calls;
        }
        JsonNode list = json.has("tool_calls") ? json.get("tool_calls") : mapper.createArrayNode().add(json);
        for (JsonNode call : list) {
            String name = call.path("name").asText("");
            ToolFunction function = tools.byName().get(name);
            if (function != null) {
                JsonNode parameters = call.get("parameters");
                calls.add(new ToolRunner.Planned(name, function,
                        parameters instanceof ObjectNode object ? object : mapper.createObjectNode()));
            }
        }
        return calls;
    }

    /** A non-empty result: appended to the last user message and kept as a source, named {@code toolId/name}. */
    private void use(StepContext context, ToolRunner.Planned call, ToolResult result) {
        ToolCitations.add(context, result, false);
        if (result.text().isEmpty()) {
            return;
        }
        String toolId = call.function().toolId();
        String name = toolId == null || toolId.isBlank() ? call.name() : toolId + "/" + call.name();
        ObjectNode source = mapper.createObjectNode();
        source.putObject("source").put("name", name);
        source.putArray("document").add(result.text());
        source.putArray("metadata").addObject().put("source", name).set("parameters", call.arguments());
        source.put("tool_result", true);
        context.sources().add(source);
        appendToUser(context.payload(), "\nTool `" + name + "` Output: " + result.text());
    }

    private void appendToUser(ObjectNode payload, String text) {
        ArrayNode messages = payload.withArray("messages");
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last instanceof ObjectNode message && "user".equals(message.path("role").asText())) {
            JsonNode content = message.get("content");
            if (content != null && content.isArray()) {
                ((ArrayNode) content).addObject().put("type", "text").put("text", text);
            } else {
                message.put("content", (content == null || content.isNull() ? "" : content.asText()) + "\n" + text);
            }
            return;
        }
        messages.addObject().put("role", "user").put("content", text);
    }
}
