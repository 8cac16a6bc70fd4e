package dev.webui.api.completion.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a round's native tool calls from the streamed {@code delta.tool_calls} fragments: the
 * first fragment of an {@code index} brings the id and name, later ones append to the name and
 * arguments (as OpenAI streams them). Bounded: at most {@link #MAX_CALLS} calls and
 * {@link #MAX_ARGUMENT_CHARS} characters of arguments per round; the excess is dropped.
 */
public final class ToolCallAssembler {
    static final int MAX_CALLS = 64;
    static final int MAX_ARGUMENT_CHARS = 1_000_000;

    private final Map<Integer, ObjectNode> calls = new TreeMap<>();
    private final Map<Integer, StringBuilder> arguments = new TreeMap<>();
    private int argumentChars;

    public void add(JsonNode fragments) {
        if (fragments == null) {
            return;
        }
        for (JsonNode fragment : fragments) {
            JsonNode indexNode = fragment.get("index");
            int index = indexNode != null && indexNode.canConvertToInt() ? indexNode.intValue() : calls.size();
            ObjectNode call = calls.get(index);
            JsonNode function = fragment.path("function");
            if (call == null) {
                if (calls.size() >= MAX_CALLS) {
                    continue;
                }
                call = JsonNodeFactory.instance.objectNode();
                call.put("id", fragment.path("id").asText(""));
                call.put("type", "function");
                call.putObject("function").put("name", "");
                calls.put(index, call);
                arguments.put(index, new StringBuilder());
            } else if (fragment.hasNonNull("id") && call.path("id").asText().isEmpty()) {
                call.put("id", fragment.get("id").asText());
            }
            ObjectNode target = (ObjectNode) call.get("function");
            if (function.path("name").isTextual()) {
                target.put("name", target.path("name").asText() + function.get("name").textValue());
            }
            if (function.path("arguments").isTextual()) {
                String piece = function.get("arguments").textValue();
                if (argumentChars + piece.length() <= MAX_ARGUMENT_CHARS) {
                    arguments.get(index).append(piece);
                    argumentChars += piece.length();
                }
            }
        }
    }

    public boolean isEmpty() {
        return calls.isEmpty();
    }

    /** The calls in index order: {@code {"id", "type": "function", "function": {"name", "arguments"}}}. */
    public List<ObjectNode> calls() {
        List<ObjectNode> out = new ArrayList<>();
        calls.forEach((index, call) -> {
            ObjectNode copy = call.deepCopy();
            ((ObjectNode) copy.get("function")).put("arguments", arguments.get(index).toString());
            out.add(copy);
        });
        return out;
    }
}
