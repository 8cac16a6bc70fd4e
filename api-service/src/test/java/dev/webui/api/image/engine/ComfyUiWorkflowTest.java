package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ComfyUI node mapping and the decoding of inline images, without a server. */
class ComfyUiWorkflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKFLOW = """
            {"3": {"class_type": "KSampler", "inputs": {"seed": 1}},
             "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1, "height": 1, "batch_size": 1}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}},
             "7": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}}}""";
    private static final ImageRequest REQUEST = new ImageRequest("a boat", "blurry", 3, "640x480", 640, 480);

    private static ObjectNode fill(String nodes) throws Exception {
        return ComfyUiWorkflow.fill(JSON, WORKFLOW, JSON.readTree(nodes), "model.safetensors", REQUEST, 12);
    }

    @Test
    void eachTypeSetsItsInputWithTheDefaultKeysWhereNoneIsGiven() throws Exception {
        ObjectNode filled = fill("""
                [{"type": "prompt", "node_ids": ["6"]}, {"type": "negative_prompt", "key": "text", "node_ids": ["7"]},
                 {"type": "width", "node_ids": ["5"]}, {"type": "height", "node_ids": ["5"]}, {"type": "n", "node_ids": ["5"]},
                 {"type": "steps", "node_ids": ["3"]}, {"type": "seed", "key": "noise_seed", "node_ids": ["3"]},
                 {"type": "model", "key": "ckpt", "node_ids": ["3"]}, {"key": "cfg", "value": "7", "node_ids": ["3"]},
                 {"type": "unknown", "key": "x", "node_ids": ["3"]}, {"type": "prompt", "node_ids": []}]""");
        assertEquals("a boat", filled.at("/6/inputs/text").asText());
        assertEquals("blurry", filled.at("/7/inputs/text").asText());
        assertEquals(640, filled.at("/5/inputs/width").asInt());
        assertEquals(480, filled.at("/5/inputs/height").asInt());
        assertEquals(3, filled.at("/5/inputs/batch_size").asInt());
        assertEquals(12, filled.at("/3/inputs/steps").asInt());
        assertTrue(filled.at("/3/inputs/noise_seed").isIntegralNumber());
        assertEquals(1, filled.at("/3/inputs/seed").asInt(), "a seed entry with its own key leaves the default key alone");
        assertEquals("model.safetensors", filled.at("/3/inputs/ckpt").asText());
        assertEquals("7", filled.at("/3/inputs/cfg").asText());
        assertTrue(filled.at("/3/inputs/x").isMissingNode());
    }

    @Test
    void aMissingNodeOrABrokenWorkflowIsTheAdminsToFix() {
        ApiException missing = assertThrows(ApiException.class, () -> fill("[{\"type\": \"prompt\", \"node_ids\": [\"42\"]}]"));
        assertEquals(400, missing.status());
        assertTrue(missing.detail().contains("42"), missing.detail());
        assertEquals(400, assertThrows(ApiException.class, () -> ComfyUiWorkflow.fill(JSON, "{not json", null, "", REQUEST, 1)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> ComfyUiWorkflow.fill(JSON, "[1]", null, "", REQUEST, 1)).status());
    }

    @Test
    void inlineImagesAreDecodedWithinTheLimit() {
        byte[] bytes = {1, 2, 3, 4, 5, 6};
        String b64 = Base64.getEncoder().encodeToString(bytes);
        GeneratedImage bare = Base64Images.decode("E", b64, 100, null);
        assertArrayEquals(bytes, bare.data());
        assertEquals("image/png", bare.contentType());
        assertEquals("image/webp", Base64Images.decode("E", "data:image/webp;base64," + b64, 100, null).contentType());
        assertEquals(502, assertThrows(ApiException.class, () -> Base64Images.decode("E", b64, 4, null)).status());
        assertEquals(502, assertThrows(ApiException.class, () -> Base64Images.decode("E", "%%%", 100, null)).status());
        assertEquals(502, assertThrows(ApiException.class, () -> Base64Images.decode("E", "data:text/html;base64," + b64, 100, null)).status());
        assertEquals(502, assertThrows(ApiException.class, () -> Base64Images.decode("E", "", 100, null)).status());
    }
}
