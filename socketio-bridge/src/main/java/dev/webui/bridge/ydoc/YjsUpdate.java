package dev.webui.bridge.ydoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A Yjs update as the UI sends it: a JSON array of byte values, or a binary attachment, which
 * netty-socketio hands over as a base64 string of the frame. Over polling that frame is still in
 * Engine.IO 4's text form ({@code b<base64>}), which netty-socketio does not decode, so it is
 * unwrapped here. Normalised to a JSON array of ints 0..255.
 */
public final class YjsUpdate {
    private YjsUpdate() {
    }

    public static Optional<ArrayNode> normalise(JsonNode update, boolean polling) {
        if (update == null) {
            return Optional.empty();
        }
        ArrayNode bytes = JsonNodeFactory.instance.arrayNode();
        if (update.isArray()) {
            for (JsonNode value : update) {
                if (!value.isInt() || value.asInt() < 0 || value.asInt() > 255) {
                    return Optional.empty();
                }
                bytes.add(value.asInt());
            }
        } else if (update.isTextual()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(update.asText());
                if (polling) {
                    if (raw.length == 0 || raw[0] != 'b') {
                        return Optional.empty();
                    }
                    raw = Base64.getDecoder().decode(new String(raw, 1, raw.length - 1, StandardCharsets.US_ASCII));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            for (byte b : raw) {
                bytes.add(b & 0xff);
            }
        } else {
            return Optional.empty();
        }
        return bytes.isEmpty() ? Optional.empty() : Optional.of(bytes);
    }
}
