package dev.webui.api.ollama.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ollama's NDJSON chat stream and whole answers read back as OpenAI's. */
class OllamaStreamDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> decode(String wire, int cut) {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        OllamaStreamDecoder decoder = new OllamaStreamDecoder();
        List<String> out = new ArrayList<>();
        decoder.feed(Buffer.buffer(Arrays.copyOfRange(bytes, 0, cut)), out::add);
        decoder.feed(Buffer.buffer(Arrays.copyOfRange(bytes, cut, bytes.length)), out::add);
        decoder.finish(out::add);
        return out;
    }

    private static JsonNode parse(String data) throws Exception {
        return JSON.readTree(data);
    }

    @Test
    void textThinkingAndUsageWhereverTheBytesAreCut() throws Exception {
        String wire = """
                {"model":"qwen3:latest","message":{"role":"assistant","content":"","thinking":"Hmm"},"done":false}
                {"model":"qwen3:latest","message":{"role":"assistant","content":"Grüße"},"done":false}
                {"model":"qwen3:latest","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":5000000000,"load_duration":1000,"prompt_eval_count":11,"prompt_eval_duration":500000000,"eval_count":20,"eval_duration":2000000000}
                """;
        for (int cut = 1; cut < wire.getBytes(StandardCharsets.UTF_8).length; cut += 7) {
            List<String> out = decode(wire, cut);
            assertEquals(4, out.size(), "cut at " + cut + ": " + out);
            JsonNode thinking = parse(out.get(0));
            assertEquals("chat.completion.chunk", thinking.get("object").asText());
            assertEquals("Hmm", thinking.at("/choices/0/delta/reasoning_content").asText());
            assertFalse(thinking.at("/choices/0/delta").has("content"));
            assertEquals("Grüße", parse(out.get(1)).at("/choices/0/delta/content").asText());
            assertEquals(thinking.get("id"), parse(out.get(1)).get("id"), "one id for the whole stream");
            JsonNode last = parse(out.get(2));
            assertEquals("stop", last.at("/choices/0/finish_reason").asText());
            JsonNode usage = last.get("usage");
            assertEquals(11, usage.get("prompt_tokens").intValue());
            assertEquals(20, usage.get("completion_tokens").intValue());
            assertEquals(31, usage.get("total_tokens").intValue());
            assertEquals(10.0, usage.get("response_token/s").doubleValue());
            assertEquals(22.0, usage.get("prompt_token/s").doubleValue());
            assertEquals("0h0m5s", usage.get("approximate_total").asText());
            assertEquals("[DONE]", out.get(3));
        }
    }

    @Test
    void toolCallsGetOpenAiFragmentsWithTheirOwnIndexes() throws Exception {
        List<String> out = decode("""
                {"model":"m","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"weather","arguments":{"city":"Paris"}}}]},"done":false}
                {"model":"m","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"time","arguments":{}}}]},"done":false}
                {"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","eval_count":3}
                """, 5);
        JsonNode first = parse(out.get(0)).at("/choices/0/delta/tool_calls/0");
        assertEquals(0, first.get("index").intValue());
        assertEquals("function", first.get("type").asText());
        assertTrue(first.get("id").asText().startsWith("call_"));
        assertEquals("weather", first.at("/function/name").asText());
        assertEquals("Paris", parse(first.at("/function/arguments").asText()).get("city").asText());
        assertEquals(1, parse(out.get(1)).at("/choices/0/delta/tool_calls/0/index").intValue());
        JsonNode last = parse(out.get(2));
        assertEquals("tool_calls", last.at("/choices/0/finish_reason").asText());
        assertEquals("N/A", last.at("/usage/response_token~1s").asText());
    }

    @Test
    void anErrorLineEndsTheStreamAsAnOpenAiErrorAndACutStreamGetsNoEndMarker() throws Exception {
        List<String> out = decode("""
                {"model":"m","message":{"role":"assistant","content":"Hel"},"done":false}
                {"error":"model runner has unexpectedly stopped"}
                {"model":"m","message":{"role":"assistant","content":"ignored"},"done":false}
                """, 10);
        assertEquals(2, out.size(), out.toString());
        assertEquals("Ollama: model runner has unexpectedly stopped", parse(out.get(1)).at("/error/message").asText());

        List<String> cut = decode("{\"model\":\"m\",\"message\":{\"content\":\"Hel\"},\"done\":false}\n{\"model\":\"m\",\"mess", 3);
        assertEquals(1, cut.size(), "the unfinished line is dropped: " + cut);
        assertEquals("Hel", parse(cut.get(0)).at("/choices/0/delta/content").asText());

        List<String> garbage = decode("<html>502 Bad Gateway</html>\n", 4);
        assertEquals(List.of("<html>502 Bad Gateway</html>"), garbage, "not JSON: the reader reports a malformed stream");
    }

    @Test
    void aWholeAnswerBecomesAChatCompletion() throws Exception {
        JsonNode answer = new OllamaChatAnswer().whole(parse("""
                {"model":"m","message":{"role":"assistant","content":"Hi","thinking":"so","tool_calls":[{"function":{"name":"f","arguments":{"a":1}}}]},
                 "done":true,"done_reason":"length","prompt_eval_count":4,"eval_count":2}"""));
        assertEquals("chat.completion", answer.get("object").asText());
        assertEquals("Hi", answer.at("/choices/0/message/content").asText());
        assertEquals("assistant", answer.at("/choices/0/message/role").asText());
        assertEquals("so", answer.at("/choices/0/message/reasoning_content").asText());
        assertEquals("{\"a\":1}", answer.at("/choices/0/message/tool_calls/0/function/arguments").asText());
        assertEquals("tool_calls", answer.at("/choices/0/finish_reason").asText());
        assertEquals(6, answer.at("/usage/total_tokens").intValue());
        assertEquals("length", new OllamaChatAnswer().whole(parse("{\"message\":{\"content\":\"x\"},\"done_reason\":\"length\"}"))
                .at("/choices/0/finish_reason").asText());
    }
}
