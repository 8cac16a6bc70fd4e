package dev.webui.api.completion.round;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a handler did after a round.
 *
 * @param shown        text added to the answer after the round's own text (for example Open WebUI's
 *                     {@code <details type="tool_calls" ...>} or {@code <details type="code_interpreter" ...>} block)
 * @param nextMessages messages appended to the payload's {@code messages} before the next round
 *                     (the assistant's turn with its calls, then the results)
 * @param replaced     the end of the round's own text that {@code shown} stands for and that leaves the
 *                     answer (the model's raw {@code <code_interpreter>} block), or null to keep it all
 */
public record RoundOutcome(String shown, List<ObjectNode> nextMessages, String replaced) {
    public RoundOutcome(String shown, List<ObjectNode> nextMessages) {
        this(shown, nextMessages, null);
    }
}
