package dev.webui.api.completion.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.round.AnswerSoFar;
import dev.webui.api.completion.round.RoundHandler;
import dev.webui.api.completion.round.RoundOutcome;
import dev.webui.api.completion.round.RoundResult;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.tool.ToolResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Native function calling (docs/completions.md, "Tools in chat"): after a round whose answer asked
 * for tool calls, runs them all at once, shows one tool calls block per call in the answer, and
 * asks the model again with its calls and their results ({@code tool} messages).
 */
@ApplicationScoped
public class ToolsRoundHandler implements RoundHandler {
    private final ToolRunner runner;
    private final ObjectMapper mapper;

    public ToolsRoundHandler(ToolRunner runner, ObjectMapper mapper) {
        this.runner = runner;
        this.mapper = mapper;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public boolean wanted(StepContext context) {
        return ChatTools.in(context) != null;
    }

    @Override
    public Uni<RoundOutcome> after(StepContext context, RoundResult round) {
        ChatTools tools = ChatTools.in(context);
        if (tools == null || round.toolCalls().isEmpty() || context.stopped().getAsBoolean()) {
            return Uni.createFrom().nullItem();
        }
        List<ObjectNode> calls = new ArrayList<>();
        List<ToolRunner.Planned> planned = new ArrayList<>();
        for (ObjectNode call : round.toolCalls()) {
            ObjectNode copy = call.deepCopy();
            ObjectNode function = copy.with("function");
            String name = function.path("name").asText("");
            ObjectNode arguments = runner.parse(function.path("arguments").asText(""));
            // the model reads its own call back next round: invalid or empty arguments become valid JSON
            function.put("arguments", arguments.toString());
            calls.add(copy);
            planned.add(new ToolRunner.Planned(name, tools.byName().get(name), arguments));
        }
        showPending(context, calls);
        Runnable done = ToolStatus.running(context, planned);
        return runner.run(context, planned).map(results -> {
            done.run();
            return outcome(context, round, calls, results);
        });
    }

    /** The text so far with a running block per call, as Open WebUI shows calls until their results arrive. */
    private static void showPending(StepContext context, List<ObjectNode> calls) {
        String text = AnswerSoFar.in(context);
        if (text == null) {
            return;
        }
        StringBuilder shown = new StringBuilder(text.isEmpty() ? "" : text + "\n");
        for (ObjectNode call : calls) {
            shown.append(ToolCallsBlock.pending(call.path("id").asText(""), call.path("function").path("name").asText(""),
                    call.path("function").path("arguments").asText("")));
        }
        context.events().emit("chat:completion", Map.of("content", shown.toString().strip()));
    }

    private RoundOutcome outcome(StepContext context, RoundResult round, List<ObjectNode> calls, List<ToolResult> results) {
        StringBuilder shown = new StringBuilder();
        List<ObjectNode> messages = new ArrayList<>();
        ObjectNode assistant = mapper.createObjectNode().put("role", "assistant").put("content", round.content());
        assistant.putArray("tool_calls").addAll(calls);
        messages.add(assistant);
        for (int i = 0; i < calls.size(); i++) {
            ObjectNode call = calls.get(i);
            ToolResult result = results.get(i);
            String id = call.path("id").asText("");
            shown.append(ToolCallsBlock.done(id, call.path("function").path("name").asText(""),
                    call.path("function").path("arguments").asText(""), result.text()));
            messages.add(mapper.createObjectNode().put("role", "tool").put("tool_call_id", id).put("content", result.text()));
            ToolCitations.add(context, result, true);
        }
        return new RoundOutcome(shown.toString(), messages);
    }
}
