package dev.webui.common.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Jackson's failures in words a client can act on: the field and what it should hold, never a Java type. */
final class JsonErrors {
    private JsonErrors() {
    }

    static String mismatch(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        String expected = expected(e.getTargetType());
        if (field.isEmpty()) {
            return expected == null ? "Invalid request body" : "Invalid request body: expected " + expected;
        }
        return expected == null ? "Invalid value for '" + field + "'" : "Invalid value for '" + field + "': expected " + expected;
    }

    static String malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "Malformed JSON in the request body" + where;
    }

    /** The read limit behind a parsing failure, or null when it is something else. */
    static StreamConstraintsException limitCrossed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    /** Which read limit a body crossed; nesting is a malformed body (400), the others a too large one (413). */
    static int constraintStatus(StreamConstraintsException e) {
        return e.getMessage() != null && e.getMessage().contains("nesting depth") ? 400 : 413;
    }

    static String constraint(StreamConstraintsException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("nesting depth")) {
            return "The request body nests objects and lists too deeply";
        }
        if (message.contains("Token count")) {
            return "The request body holds too many JSON values";
        }
        if (message.contains("String value length") || message.contains("Number value length") || message.contains("Name length")) {
            return "The request body holds a value that is too long";
        }
        return "The request body is too large";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return "one of " + java.util.Arrays.stream(values).map(v -> v.toString().toLowerCase()).collect(Collectors.joining(", "));
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return null;
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return null;
    }
}
