package dev.webui.api.completion.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.tool.ToolCall;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs the calls a model asked for, all at once, each bounded by {@link ToolLoopConfig#callTimeout()}:
 * a call never fails the answer, its failure is a result the model reads. Arguments are narrowed
 * to the parameters the function declares (as Open WebUI does).
 */
@ApplicationScoped
public class ToolRunner {
    private static final Logger LOG = Logger.getLogger(ToolRunner.class);

    /** One call to run: the function (null when the model named none of the chat's) and its arguments. */
    record Planned(String name, ToolFunction function, ObjectNode arguments) {
    }

    private final ToolLoopConfig config;
    private final ObjectMapper mapper;

    public ToolRunner(ToolLoopConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** The results, in the order of {@code calls}. */
    Uni<List<ToolResult>> run(StepContext context, List<Planned> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ToolCall call = new ToolCall(context.user(), context.authorization(), config.callTimeout());
        List<Uni<ToolResult>> running = calls.stream().map(planned -> one(planned, call)).toList();
        return Uni.join().all(running).andCollectFailures();
    }

    private Uni<ToolResult> one(Planned planned, ToolCall call) {
        if (planned.function() == null) {
            return Uni.createFrom().item(ToolResult.error("There is no tool named " + planned.name() + " in this chat"));
        }
        String name = planned.name();
        long seconds = call.timeout().toSeconds();
        return Uni.createFrom().deferred(() -> planned.function().call(allowed(planned.function(), planned.arguments()), call))
                .ifNoItem().after(call.timeout())
                .recoverWithItem(() -> ToolResult.error("The tool " + name + " did not answer within " + seconds + " seconds"))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "Tool %s failed", name);
                    return ToolResult.error("The tool " + name + " failed: " + e.getMessage());
                })
                .map(ToolRunner::complete);
    }

    private static ToolResult complete(ToolResult result) {
        if (result == null) {
            return ToolResult.text("");
        }
        if (result.text() == null || result.sources() == null) {
            return new ToolResult(result.text() == null ? "" : result.text(), result.structured(),
                    result.sources() == null ? List.of() : result.sources(), result.error());
        }
        return result;
    }

    /** The model's arguments as an object (text that is not a JSON object counts as none). */
    ObjectNode parse(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(arguments) instanceof ObjectNode object ? object : mapper.createObjectNode();
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }

    private static ObjectNode allowed(ToolFunction function, ObjectNode arguments) {
        JsonNode properties = function.spec().path("parameters").path("properties");
        if (!properties.isObject()) {
            return arguments;
        }
        ObjectNode kept = arguments.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (properties.has(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        }
        return kept;
    }
}
