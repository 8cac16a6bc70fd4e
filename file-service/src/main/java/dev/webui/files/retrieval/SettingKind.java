package dev.webui.files.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.files.db.Json;


/** The value types of the retrieval settings: which JSON values an update may store. */
enum SettingKind {
    BOOL, INT, OPTIONAL_INT, NUMBER, TEXT, OPTIONAL_TEXT, TEXT_LIST, OBJECT;

    /**
     * The value an update stores, or Java null when it has the wrong type. Numbers and booleans
     * typed into text boxes arrive as strings and are converted, as Open WebUI's forms do.
     */
    JsonNode coerce(JsonNode value) {
        var nodes = Json.MAPPER.getNodeFactory();
        String text = value.isTextual() ? value.asText().trim() : null;
        return switch (this) {
            case BOOL -> value.isBoolean() ? value
                    : "true".equalsIgnoreCase(text) ? nodes.booleanNode(true)
                    : "false".equalsIgnoreCase(text) ? nodes.booleanNode(false) : null;
            case INT -> wholeNumber(value, text);
            case OPTIONAL_INT -> value.isNull() || "".equals(text) ? nodes.nullNode() : wholeNumber(value, text);
            case NUMBER -> {
                if (value.isNumber()) {
                    yield value;
                }
                try {
                    yield text == null || text.isEmpty() ? null : nodes.numberNode(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case TEXT -> value.isTextual() ? value : null;
            case OPTIONAL_TEXT -> value.isNull() || value.isTextual() ? value : null;
            case TEXT_LIST -> value.isArray() && java.util.stream.StreamSupport.stream(value.spliterator(), false)
                    .allMatch(JsonNode::isTextual) ? value : null;
            case OBJECT -> value.isObject() ? value : null;
        };
    }

    /** Whether a stored value has this kind's type as it is. */
    boolean accepts(JsonNode value) {
        JsonNode coerced = coerce(value);
        return coerced != null && coerced.equals(value);
    }

    private static JsonNode wholeNumber(JsonNode value, String text) {
        var nodes = Json.MAPPER.getNodeFactory();
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value;
        }
        if (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()) && Math.abs(value.doubleValue()) < Integer.MAX_VALUE) {
            return nodes.numberNode(value.intValue());
        }
        try {
            return text == null ? null : nodes.numberNode(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String expected() {
        return switch (this) {
            case BOOL -> "true or false";
            case INT -> "a whole number";
            case OPTIONAL_INT -> "a whole number or null";
            case NUMBER -> "a number";
            case TEXT -> "a string";
            case OPTIONAL_TEXT -> "a string or null";
            case TEXT_LIST -> "a list of strings";
            case OBJECT -> "an object";
        };
    }
}
