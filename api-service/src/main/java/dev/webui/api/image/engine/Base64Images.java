package dev.webui.api.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.error.ApiException;

import java.util.Base64;

/** Images sent inline as base64, bare or as a data URL ({@code data:image/png;base64,...}); bare ones are PNG. */
public final class Base64Images {
    private Base64Images() {
    }

    public static GeneratedImage decode(String engine, String text, long maxBytes, JsonNode metadata) {
        if (text == null || text.isBlank()) {
            throw new ApiException(502, engine + " sent an empty image");
        }
        String contentType = "image/png";
        String encoded = text;
        int comma = text.indexOf(',');
        if (comma >= 0) {
            String header = text.substring(0, comma);
            encoded = text.substring(comma + 1);
            String type = header.replaceFirst("^data:", "").split(";")[0].strip().toLowerCase();
            if (!type.isEmpty()) {
                contentType = type;
            }
        }
        if (!contentType.startsWith("image/")) {
            throw new ApiException(502, engine + " sent something other than an image (" + contentType + ")");
        }
        if (encoded.length() / 4L * 3L > maxBytes + 3) {
            throw EngineHttp.tooLarge(engine, maxBytes);
        }
        try {
            byte[] data = Base64.getMimeDecoder().decode(encoded);
            if (data.length == 0 || data.length > maxBytes) {
                throw data.length == 0 ? new ApiException(502, engine + " sent an empty image") : EngineHttp.tooLarge(engine, maxBytes);
            }
            return new GeneratedImage(data, contentType, metadata);
        } catch (IllegalArgumentException e) {
            throw new ApiException(502, engine + " sent an image that is not valid base64");
        }
    }
}
