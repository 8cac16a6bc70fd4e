package dev.webui.api.completion.round;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One round of the model's answer, as it ended.
 *
 * @param index     0 for the first round
 * @param content   the text of this round only
 * @param toolCalls the native tool calls of this round, assembled from the streamed deltas
 *                  ({@code {"id", "type": "function", "function": {"name", "arguments"}}}), possibly empty
 */
public record RoundResult(int index, String content, List<ObjectNode> toolCalls) {
}
