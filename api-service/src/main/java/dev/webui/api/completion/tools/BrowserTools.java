package dev.webui.api.completion.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.completion.CompletionRequest;
import dev.webui.api.tool.ToolCall;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolResult;
import dev.webui.common.events.EventCaller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The user's own tool servers, which the stock UI sends in {@code tool_servers} with their specs and
 * runs itself: a call is a {@code chat-events} {@code execute:tool} event to the request's socket
 * (through the bridge's event calls), answered with the browser's {@code [result, headers]}.
 */
@ApplicationScoped
public class BrowserTools {
    private static final Logger LOG = Logger.getLogger(BrowserTools.class);
    /** Bounds what one request may declare. */
    private static final int MAX_FUNCTIONS = 256;

    private final EventCaller caller;

    public BrowserTools(EventCaller caller) {
        this.caller = caller;
    }

    /**
     * The functions of {@code servers} ({@code [{url, info, specs: [{name, description, parameters}]}]}), run by
     * the socket the request names, which must be one of {@code userId}'s own.
     */
    List<ToolFunction> functions(JsonNode servers, CompletionRequest request, String userId) {
        List<ToolFunction> functions = new ArrayList<>();
        for (JsonNode server : servers) {
            if (!(server instanceof ObjectNode object)) {
                continue;
            }
            ObjectNode described = object.deepCopy();
            described.remove("specs");
            for (JsonNode spec : object.path("specs")) {
                if (spec instanceof ObjectNode function && function.path("name").isTextual()
                        && !function.get("name").textValue().isBlank() && functions.size() < MAX_FUNCTIONS) {
                    functions.add(new BrowserFunction(function, described, request, userId));
                }
            }
        }
        return functions;
    }

    private final class BrowserFunction implements ToolFunction {
        private final ObjectNode spec;
        private final ObjectNode server;
        private final CompletionRequest request;
        private final String userId;

        BrowserFunction(ObjectNode spec, ObjectNode server, CompletionRequest request, String userId) {
            this.spec = spec;
            this.server = server;
            this.request = request;
            this.userId = userId;
        }

        @Override
        public String name() {
            return spec.get("name").textValue();
        }

        @Override
        public ObjectNode spec() {
            return spec;
        }

        @Override
        public String toolId() {
            return "direct_server:" + server.path("url").asText("");
        }

        @Override
        public Uni<ToolResult> call(ObjectNode arguments, ToolCall call) {
            Map<String, Object> execute = new LinkedHashMap<>();
            execute.put("id", UUID.randomUUID().toString());
            execute.put("name", name());
            execute.put("params", arguments);
            execute.put("server", server);
            execute.put("session_id", request.sessionId());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("chat_id", request.chatId());
            event.put("message_id", request.messageId());
            event.put("data", Map.of("type", "execute:tool", "data", execute));
            return caller.call(userId, request.sessionId(), "chat-events", event, call.timeout())
                    .map(this::result)
                    .onFailure().recoverWithItem(e -> {
                        LOG.debugf(e, "The browser did not run tool %s", name());
                        return ToolResult.error("The tool " + name() + " did not answer: the browser that runs it did not reply in time");
                    });
        }

        /** The browser answers {@code [data, headers]}, or {@code [{"error": ...}, null]} when the request failed. */
        private ToolResult result(JsonNode answer) {
            JsonNode data = answer != null && answer.isArray() ? answer.path(0) : answer;
            if (data == null || data.isNull() || data.isMissingNode()) {
                return ToolResult.text("");
            }
            boolean failed = answer.isArray() && answer.path(1).isNull() && data.has("error");
            String text = data.isTextual() ? data.textValue() : data.toString();
            return failed ? ToolResult.error(text) : new ToolResult(text, data.isTextual() ? null : data, List.of(), false);
        }
    }
}
