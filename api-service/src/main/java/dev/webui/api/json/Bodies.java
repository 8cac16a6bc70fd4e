package dev.webui.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.common.error.ApiException;
import dev.webui.core.json.JsonSanitizer;

/** Shape checks for opaque JSON bodies, answering 400 with the field's name instead of failing later. */
public final class Bodies {
    private Bodies() {
    }

    public static JsonNode require(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.badRequest("A JSON request body is required");
        }
        return body;
    }

    /** The field as an object, or null when absent/null; 400 when it holds anything else. */
    public static JsonNode objectOrNull(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ApiException.badRequest("Invalid value for '" + field + "': expected an object");
        }
        return value;
    }

    /** A copy of the field's object fit for storage (cleaned of what jsonb cannot hold), or null when absent/null; 400 otherwise. */
    public static JsonNode storedObjectOrNull(JsonNode body, String field) {
        JsonNode value = objectOrNull(body, field);
        return value == null ? null : JsonSanitizer.clean(value.deepCopy());
    }

    /** The body's {@code access_control} fit for storage: an object, or null (public); 400 when it holds anything else. */
    public static JsonNode accessControl(JsonNode body) {
        JsonNode acl = body == null ? null : body.get("access_control");
        if (acl == null || acl.isNull()) {
            return null;
        }
        if (!acl.isObject()) {
            throw ApiException.badRequest("Invalid value for 'access_control': expected an object or null");
        }
        return JsonSanitizer.clean(acl.deepCopy());
    }

    /** The field as text, or null when absent/null; 400 when it holds anything else. */
    public static String textOrNull(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("Invalid value for '" + field + "': expected a string");
        }
        return JsonSanitizer.clean(value.textValue());
    }

    public static String requiredText(JsonNode body, String field) {
        String value = textOrNull(require(body), field);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + field + "' is required");
        }
        return value;
    }
}
