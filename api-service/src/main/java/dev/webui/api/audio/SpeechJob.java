package dev.webui.api.audio;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One text to speak, resolved against the settings: the engine, model and voice that will be
 * used, the body an OpenAI-compatible engine gets, and the cache key of the result.
 */
public record SpeechJob(String engine, String model, String voice, String text, ObjectNode openAiBody, String cacheKey) {
}
