package dev.webui.api.completion.tools;

import dev.webui.api.completion.step.StatusEvent;
import dev.webui.api.completion.step.StepContext;

import java.util.List;
import java.util.Map;

/** The status line while tools run ({@code action: "tool_calls"}), hidden once they are done. */
final class ToolStatus {
    private ToolStatus() {
    }

    /** Announces the calls; the returned runnable marks them done. */
    static Runnable running(StepContext context, List<ToolRunner.Planned> calls) {
        String names = String.join(", ", calls.stream().map(ToolRunner.Planned::name).toList());
        context.events().emit("status", StatusEvent.of("tool_calls", "Running " + names, false));
        return () -> {
            Map<String, Object> done = StatusEvent.of("tool_calls", "Ran " + names, true);
            done.put("hidden", true);
            context.events().emit("status", done);
        };
    }
}
