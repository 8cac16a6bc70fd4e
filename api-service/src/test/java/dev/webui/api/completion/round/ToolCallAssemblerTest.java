package dev.webui.api.completion.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tool calls assembled from streamed fragments, and usage summed over rounds. */
class ToolCallAssemblerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void fragmentsOfInterleavedCallsJoinByIndex() throws Exception {
        ToolCallAssembler calls = new ToolCallAssembler();
        assertTrue(calls.isEmpty());
        calls.add(json("[{\"index\":1,\"id\":\"b\",\"type\":\"function\",\"function\":{\"name\":\"look\",\"arguments\":\"\"}}]"));
        calls.add(json("[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":\"}}]"));
        calls.add(json("[{\"index\":1,\"function\":{\"name\":\"up\",\"arguments\":\"{}\"}}]"));
        calls.add(json("[{\"index\":0,\"function\":{\"arguments\":\" 2}\"}}]"));
        assertEquals(json("[{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\": 2}\"}},"
                + "{\"id\":\"b\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{}\"}}]"), JSON.valueToTree(calls.calls()));
    }

    @Test
    void argumentsStopGrowingAtTheBound() throws Exception {
        ToolCallAssembler calls = new ToolCallAssembler();
        calls.add(json("[{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]"));
        String piece = "x".repeat(ToolCallAssembler.MAX_ARGUMENT_CHARS / 2 + 1);
        calls.add(JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0).set("function",
                JSON.createObjectNode().put("arguments", piece))));
        calls.add(JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0).set("function",
                JSON.createObjectNode().put("arguments", piece))));
        assertEquals(piece.length(), calls.calls().get(0).path("function").path("arguments").asText().length());
    }

    @Test
    void usageAddsUpFieldByField() throws Exception {
        JsonNode first = json("{\"prompt_tokens\":11,\"completion_tokens\":4,\"total_tokens\":15,\"completion_tokens_details\":{\"reasoning_tokens\":2}}");
        JsonNode second = json("{\"prompt_tokens\":20,\"completion_tokens\":2,\"total_tokens\":22,\"completion_tokens_details\":{\"reasoning_tokens\":1},\"cost\":0.5}");
        assertEquals(first, UsageTotal.add(null, first));
        assertEquals("{\"prompt_tokens\":31,\"completion_tokens\":6,\"total_tokens\":37,\"completion_tokens_details\":{\"reasoning_tokens\":3},\"cost\":0.5}",
                UsageTotal.add(first, second).toString());
        assertEquals(11, first.path("prompt_tokens").asInt(), "the earlier total is left as it was");
    }
}
