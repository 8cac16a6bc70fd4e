package dev.webui.api.code;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.access.PermissionService;
import dev.webui.api.completion.round.RoundHandler;
import dev.webui.api.completion.round.RoundOutcome;
import dev.webui.api.completion.round.RoundResult;
import dev.webui.api.completion.step.StepContext;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Runs the code block the model wrote in a round (see {@link InterpreterBlock}) with the
 * interpreter's engine, then shows the {@code <details type="code_interpreter">} block with the
 * output and gives the model its block and the output to continue from. At most
 * {@link #MAX_RUNS} runs per answer, as Open WebUI. What goes wrong while running (an unreachable
 * Jupyter, a timeout, an error of the code) is output the model reads.
 */
@ApplicationScoped
public class InterpreterRound implements RoundHandler {
    static final int MAX_RUNS = 5;

    private final InterpreterPrompt prompt;
    private final InterpreterEngine engine;
    private final PermissionService permissions;

    public InterpreterRound(InterpreterPrompt prompt, InterpreterEngine engine, PermissionService permissions) {
        this.prompt = prompt;
        this.engine = engine;
        this.permissions = permissions;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public boolean wanted(StepContext context) {
        return prompt.wanted(context);
    }

    @Override
    public Uni<RoundOutcome> after(StepContext context, RoundResult round) {
        InterpreterBlock block = round.index() < MAX_RUNS ? InterpreterBlock.find(round.content()) : null;
        if (block == null || !block.runnable() || context.stopped().getAsBoolean()) {
            return Uni.createFrom().nullItem();
        }
        return permissions.require(context.user(), "features", "code_interpreter").map(v -> true)
                .onFailure(ApiException.class).recoverWithItem(false)
                .chain(allowed -> allowed ? engine.run(context, block.code()).map(output -> outcome(round, block, output))
                        : Uni.createFrom().<RoundOutcome>nullItem());
    }

    /** How much of the round's text stays: what {@code before} shares with it (an open fence before the block goes). */
    private static int kept(String content, String before) {
        int n = Math.min(content.length(), before.length());
        int i = 0;
        while (i < n && content.charAt(i) == before.charAt(i)) {
            i++;
        }
        return i;
    }

    /** The model's raw block leaves the answer; the details block with the output takes its place. */
    private static RoundOutcome outcome(RoundResult round, InterpreterBlock block, CodeOutput output) {
        ObjectNode assistant = JsonNodeFactory.instance.objectNode().put("role", "assistant").put("content", block.raw(output));
        return new RoundOutcome(block.shown(output), List.of(assistant), round.content().substring(kept(round.content(), block.before())));
    }
}
