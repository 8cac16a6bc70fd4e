package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One image an engine made.
 *
 * @param metadata what the engine was asked (stored with the file, as Open WebUI does)
 */
public record GeneratedImage(byte[] data, String contentType, JsonNode metadata) {
}
