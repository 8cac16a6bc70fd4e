package dev.webui.files.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.core.json.JsonColumns;

import java.util.regex.Pattern;

/** jsonb columns travel as text; PostgreSQL refuses U+0000, so it is removed before writing. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Stored jsonb text; SQL NULL and JSON null both become null. */
    public static JsonNode parse(String text) {
        return JsonColumns.read(MAPPER, text);
    }

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return stripNul(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Removes U+0000 and its JSON escape, but not an escaped backslash followed by "u0000". */
    public static String stripNul(String text) {
        if (text == null) {
            return null;
        }
        return NUL_ESCAPE.matcher(text.replace("\u0000", "")).replaceAll("$1");
    }

    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");
}
