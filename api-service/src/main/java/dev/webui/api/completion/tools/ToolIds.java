package dev.webui.api.completion.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.completion.step.StepContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a request asks of the tools: ids (the request's and the preset's), the browser's servers, the calling mode. */
final class ToolIds {
    private ToolIds() {
    }

    /** The request's {@code tool_ids}, then the preset's {@code meta.toolIds}, without repeats. */
    static List<String> of(StepContext context) {
        Set<String> ids = new LinkedHashSet<>();
        add(ids, context.request().body().get("tool_ids"));
        add(ids, context.model().presetMeta() == null ? null : context.model().presetMeta().get("toolIds"));
        return List.copyOf(ids);
    }

    /** The user's own tool servers the stock UI sends, run by the browser; only reachable over a socket. */
    static JsonNode browserServers(StepContext context) {
        JsonNode servers = context.request().body().get("tool_servers");
        return servers != null && servers.isArray() && !servers.isEmpty() && context.request().sessionId() != null ? servers : null;
    }

    /** {@code function_calling: "native"} in the request's params or the preset's (either is enough, as in Open WebUI). */
    static boolean nativeCalling(StepContext context) {
        JsonNode preset = context.model().presetParams() == null ? null : context.model().presetParams().get("function_calling");
        return "native".equals(context.request().body().path("params").path("function_calling").asText(""))
                || preset != null && "native".equals(preset.asText(""));
    }

    private static void add(Set<String> ids, JsonNode list) {
        if (list != null && list.isArray()) {
            list.forEach(id -> {
                if (id.isTextual() && !id.textValue().isBlank()) {
                    ids.add(id.textValue());
                }
            });
        }
    }
}
