package dev.webui.api.completion.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.webui.api.completion.step.PayloadStep;
import dev.webui.api.completion.step.StatusEvent;
import dev.webui.api.completion.step.StepContext;
import dev.webui.api.tool.ToolCatalog;
import dev.webui.api.tool.ToolFunction;
import dev.webui.api.tool.ToolRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The tools a chat asked for ({@code tool_ids}, the preset's {@code meta.toolIds}, the browser's
 * {@code tool_servers}): with native function calling their specs go into the payload's
 * {@code tools} and {@link ToolsRoundHandler} runs what the model calls; otherwise the task model
 * picks the calls first ({@link PromptedToolCalls}).
 */
@ApplicationScoped
public class ToolsStep implements PayloadStep {
    private static final Logger LOG = Logger.getLogger(ToolsStep.class);
    private final ToolCatalog catalog;
    private final BrowserTools browser;
    private final PromptedToolCalls prompted;

    public ToolsStep(ToolCatalog catalog, BrowserTools browser, PromptedToolCalls prompted) {
        this.catalog = catalog;
        this.browser = browser;
        this.prompted = prompted;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public boolean wanted(StepContext context) {
        return !ToolIds.of(context).isEmpty() || ToolIds.browserServers(context) != null;
    }

    @Override
    public Uni<Void> run(StepContext context) {
        ToolRequest request = new ToolRequest(context.user(), context.authorization(), ToolIds.of(context));
        return catalog.functions(request).onFailure().recoverWithItem(e -> {
            // a source must not fail (its contract), but if one does the chat goes on without tools
            LOG.warnf(e, "The tools of a chat could not be listed");
            context.events().emit("status", StatusEvent.error("tool_calls", "The tools could not be loaded; answering without them"));
            return List.of();
        }).chain(found -> {
            List<ToolFunction> functions = new ArrayList<>(found);
            JsonNode servers = ToolIds.browserServers(context);
            if (servers != null) {
                functions.addAll(browser.functions(servers, context.request(), context.user().id()));
            }
            if (functions.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            ChatTools tools = ChatTools.of(functions);
            if (!ToolIds.nativeCalling(context)) {
                return prompted.run(context, tools);
            }
            ArrayNode specs = context.payload().putArray("tools");
            tools.byName().values().forEach(function -> specs.addObject().put("type", "function").set("function", function.spec()));
            tools.keepIn(context);
            return Uni.createFrom().voidItem();
        });
    }
}
