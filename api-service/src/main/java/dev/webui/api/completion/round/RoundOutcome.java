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
 */
public record RoundOutcome(String shown, List<ObjectNode> nextMessages) {
}
