package dev.webui.api.ollama.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAI body → Ollama /api/chat conversion, and Open WebUI params → Ollama options. */
class OllamaChatRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void messagesWithImagesToolCallsAndToolResultsBecomeOllamaMessages() throws Exception {
        ObjectNode native_ = OllamaChatRequest.of(json("""
                {'model': 'llava:latest', 'stream': true, 'stream_options': {'include_usage': true},
                 'messages': [
                   {'role': 'system', 'content': 'Be brief'},
                   {'role': 'user', 'content': [{'type': 'text', 'text': 'What is '}, {'type': 'text', 'text': 'this? '},
                      {'type': 'image_url', 'image_url': {'url': 'data:image/png;base64,iVBORw0KGgo='}}]},
                   {'role': 'assistant', 'content': null, 'tool_calls': [{'id': 'call_1', 'type': 'function',
                      'function': {'name': 'weather', 'arguments': '{\\'city\\':\\'Paris\\'}'}}]},
                   {'role': 'tool', 'tool_call_id': 'call_1', 'name': 'weather', 'content': 'sunny'}],
                 'tools': [{'type': 'function', 'function': {'name': 'weather', 'parameters': {'type': 'object'}}}],
                 'tool_choice': 'auto'}"""));
        assertEquals("llava:latest", native_.get("model").asText());
        assertTrue(native_.get("stream").asBoolean());
        assertFalse(native_.has("stream_options") || native_.has("tool_choice"), native_.toString());
        JsonNode messages = native_.get("messages");
        assertEquals("Be brief", messages.get(0).get("content").asText());
        assertEquals("What is this?", messages.get(1).get("content").asText());
        assertEquals("iVBORw0KGgo=", messages.get(1).get("images").get(0).asText());
        JsonNode call = messages.get(2).get("tool_calls").get(0);
        assertEquals("", messages.get(2).get("content").asText());
        assertEquals("weather", call.at("/function/name").asText());
        assertEquals("Paris", call.at("/function/arguments/city").asText(), "arguments become an object");
        assertEquals("tool", messages.get(3).get("role").asText());
        assertEquals("sunny", messages.get(3).get("content").asText());
        assertEquals("weather", messages.get(3).get("tool_name").asText());
        assertEquals("weather", native_.at("/tools/0/function/name").asText());
    }

    @Test
    void paramsGoToOptionsAndTheTopLevelWithTheirTypes() throws Exception {
        ObjectNode body = json("{'model': 'm', 'messages': [], 'stream': false}");
        OllamaParams.apply(body, json("""
                {'temperature': '0.5', 'num_ctx': 8192, 'max_tokens': 99, 'keep_alive': '10m', 'format': 'json',
                 'think': 'false', 'mirostat': '2', 'mirostat_tau': 4.5, 'use_mmap': 'true', 'num_thread': 7.9,
                 'stop': ['\\\\n\\\\nUser:', 'END'], 'system': 'dropped', 'stream_delta_chunk_size': 3, 'top_k': null, 'num_keep': ' ',
                 'custom_params': {'num_gpu': '1', 'repeat_last_n': '64', 'tfs_z': 1.2}}"""));
        OllamaParams.apply(body, json("{'num_ctx': '4096', 'keep_alive': '-1'}"));
        ObjectNode native_ = OllamaChatRequest.of(body);
        JsonNode options = native_.get("options");
        assertEquals(0.5, options.get("temperature").doubleValue());
        assertEquals(4096, options.get("num_ctx").longValue(), "the later params (the preset's) win");
        assertEquals(99, options.get("num_predict").longValue());
        assertFalse(options.has("max_tokens"));
        assertEquals(2, options.get("mirostat").longValue());
        assertTrue(options.get("mirostat").isIntegralNumber());
        assertEquals(4.5, options.get("mirostat_tau").doubleValue());
        assertTrue(options.get("use_mmap").booleanValue());
        assertEquals(7, options.get("num_thread").longValue());
        assertEquals(1, options.get("num_gpu").longValue());
        assertEquals(64, options.get("repeat_last_n").longValue());
        assertEquals(1.2, options.get("tfs_z").doubleValue());
        assertEquals("\n\nUser:", options.get("stop").get(0).asText());
        assertFalse(options.has("system") || options.has("stream_delta_chunk_size") || options.has("top_k")
                || options.has("keep_alive") || options.has("format") || options.has("think") || options.has("num_keep"),
                "Open WebUI's own, unset and blank params are left out: " + options);
        assertEquals(-1, native_.get("keep_alive").intValue(), "JSON text is parsed, as 0.6.32 does");
        assertEquals("json", native_.get("format").asText());
        assertFalse(native_.get("think").booleanValue());
    }

    @Test
    void topLevelOpenAiFieldsFillOptionsTheParamsLeftOpen() throws Exception {
        ObjectNode native_ = OllamaChatRequest.of(json("""
                {'model': 'm', 'messages': [], 'temperature': 0.1, 'max_tokens': 5, 'seed': 42, 'stop': 'x',
                 'options': {'temperature': 0.9}, 'keep_alive': 300,
                 'response_format': {'type': 'json_schema', 'json_schema': {'name': 's', 'schema': {'type': 'object'}}}}"""));
        assertEquals(0.9, native_.at("/options/temperature").doubleValue());
        assertEquals(5, native_.at("/options/num_predict").longValue());
        assertEquals(42, native_.at("/options/seed").longValue());
        assertEquals("x", native_.at("/options/stop/0").asText());
        assertEquals(300, native_.get("keep_alive").intValue());
        assertEquals("object", native_.at("/format/type").asText());
        assertEquals("json", OllamaChatRequest.of(json("{'model': 'm', 'messages': [], 'response_format': {'type': 'json_object'}}"))
                .get("format").asText());
        assertFalse(OllamaChatRequest.of(json("{'model': 'm', 'messages': []}")).has("options"));
    }

    @Test
    void valuesOllamaCannotTakeAreRefusedWithA400NamingTheParam() throws Exception {
        ApiException bad = assertThrows(ApiException.class,
                () -> OllamaParams.apply(json("{'messages': []}"), json("{'num_ctx': 'lots'}")));
        assertEquals(400, bad.status());
        assertTrue(bad.detail().contains("num_ctx"), bad.detail());
        assertEquals(400, assertThrows(ApiException.class,
                () -> OllamaParams.apply(json("{}"), json("{'use_mlock': 'sometimes'}"))).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> OllamaParams.apply(json("{}"), json("{'keep_alive': [1]}"))).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> OllamaParams.apply(json("{}"), json("{'format': 5}"))).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> OllamaParams.apply(json("{}"), json("{'stop': [1, 2]}"))).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> OllamaParams.apply(json("{'options': 'x'}"), json("{'num_ctx': 1}"))).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> OllamaChatRequest.of(json("{'model': 'm', 'messages': [], 'options': {'temperature': 'hot'}}"))).status());
        assertEquals(400, assertThrows(ApiException.class,
                () -> OllamaChatRequest.of(json("{'model': 'm', 'messages': ['hi']}"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> OllamaChatRequest.of(json("""
                {'model': 'm', 'messages': [{'role': 'assistant', 'tool_calls': [{'function': {'name': 'f', 'arguments': '[1]'}}]}]}"""))).status());
    }
}
