package dev.webui.api.completion.tools;

import dev.webui.api.completion.step.StepContext;
import dev.webui.api.tool.ToolFunction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The functions one completion may call, by the name the model sees; kept in the step context for the rounds. */
record ChatTools(Map<String, ToolFunction> byName) {
    static ChatTools of(List<ToolFunction> functions) {
        Map<String, ToolFunction> byName = new LinkedHashMap<>();
        functions.forEach(function -> byName.putIfAbsent(function.name(), function));
        return new ChatTools(byName);
    }

    static ChatTools in(StepContext context) {
        return context.state().get(ChatTools.class) instanceof ChatTools tools ? tools : null;
    }

    void keepIn(StepContext context) {
        context.state().put(ChatTools.class, this);
    }
}
