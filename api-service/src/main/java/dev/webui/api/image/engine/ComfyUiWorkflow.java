package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fills a ComfyUI workflow (API format: node id → {@code {class_type, inputs}}) from
 * COMFYUI_WORKFLOW_NODES, as Open WebUI maps them: each entry names a {@code type} (model, prompt,
 * negative_prompt, width, height, n, steps, seed), the {@code node_ids} it applies to and the input
 * {@code key} (type-specific defaults: text, width, height, batch_size, steps); an entry without a
 * type sets its {@code value} under {@code key}. A seed entry gets a fresh random seed each time.
 */
public final class ComfyUiWorkflow {
    private static final long MAX_SEED = 1125899906842624L;

    private ComfyUiWorkflow() {
    }

    public static ObjectNode fill(ObjectMapper mapper, String workflowText, JsonNode nodes, String model, ImageRequest request,
                                  Integer steps) {
        ObjectNode workflow;
        try {
            JsonNode parsed = mapper.readTree(workflowText == null ? "" : workflowText);
            if (parsed == null || !parsed.isObject()) {
                throw ApiException.badRequest("COMFYUI_WORKFLOW is not a JSON object (Admin > Images)");
            }
            workflow = (ObjectNode) parsed;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.badRequest("COMFYUI_WORKFLOW is not valid JSON (Admin > Images)");
        }
        if (nodes == null || !nodes.isArray()) {
            return workflow;
        }
        for (JsonNode node : nodes) {
            String type = node.path("type").asText("");
            String key = node.path("key").isTextual() && !node.path("key").asText().isEmpty() ? node.path("key").asText() : null;
            long seed = ThreadLocalRandom.current().nextLong(MAX_SEED + 1);
            for (JsonNode id : node.path("node_ids")) {
                ObjectNode inputs = inputsOf(workflow, id.asText());
                switch (type) {
                    case "model" -> inputs.put(key == null ? "text" : key, model);
                    case "prompt" -> inputs.put(key == null ? "text" : key, request.prompt());
                    case "negative_prompt" -> inputs.put(key == null ? "text" : key, request.negativePrompt());
                    case "width" -> inputs.put(key == null ? "width" : key, request.width());
                    case "height" -> inputs.put(key == null ? "height" : key, request.height());
                    case "n" -> inputs.put(key == null ? "batch_size" : key, request.n());
                    case "steps" -> inputs.put(key == null ? "steps" : key, steps);
                    case "seed" -> inputs.put(key == null ? "seed" : key, seed);
                    case "" -> inputs.set(key == null ? "text" : key, node.get("value"));
                    default -> { }
                }
            }
        }
        return workflow;
    }

    private static ObjectNode inputsOf(ObjectNode workflow, String id) {
        JsonNode node = workflow.get(id);
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("The ComfyUI workflow has no node " + id + " (COMFYUI_WORKFLOW_NODES, Admin > Images)");
        }
        JsonNode inputs = node.get("inputs");
        if (inputs == null || !inputs.isObject()) {
            return ((ObjectNode) node).putObject("inputs");
        }
        return (ObjectNode) inputs;
    }
}
