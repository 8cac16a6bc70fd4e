package dev.webui.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Arrays;
import java.util.Locale;

/** How an environment variable's text becomes the JSON value stored at a setting's path. */
public enum SettingType {
    BOOL {
        @Override
        public JsonNode parse(String env, ObjectMapper mapper) {
            return BooleanNode.valueOf(env.trim().toLowerCase(Locale.ROOT).equals("true"));
        }
    },
    TEXT {
        @Override
        public JsonNode parse(String env, ObjectMapper mapper) {
            return TextNode.valueOf(env);
        }
    },
    /** An integer, or null when empty. */
    INT {
        @Override
        public JsonNode parse(String env, ObjectMapper mapper) {
            return orNull(env, t -> LongNode.valueOf(Long.parseLong(t)), "expected an integer");
        }
    },
    /** A JSON document (objects, lists). */
    JSON {
        @Override
        public JsonNode parse(String env, ObjectMapper mapper) {
            try {
                return mapper.readTree(env);
            } catch (Exception e) {
                throw new IllegalArgumentException("expected JSON");
            }
        }
    },
    /** A decimal number, or null when empty. */
    NUMBER {
        @Override
        public JsonNode parse(String env, ObjectMapper mapper) {
            return orNull(env, t -> DoubleNode.valueOf(Double.parseDouble(t)), "expected a number");
        }
    },
    /** A string that is null when empty (Open WebUI keeps "not chosen" as None). */
    OPTIONAL_TEXT {
        @Override
        public JsonNode parse(String env, ObjectMapper mapper) {
            return env.isEmpty() ? NullNode.instance : TextNode.valueOf(env);
        }
    },
    /** Open WebUI's comma-separated lists (AUDIO_STT_SUPPORTED_CONTENT_TYPES): blanks dropped. */
    COMMA_LIST {
        @Override
        public JsonNode parse(String env, ObjectMapper mapper) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            Arrays.stream(env.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
            return list;
        }
    },
    /** Open WebUI's semicolon-separated lists (OPENAI_API_BASE_URLS, OPENAI_API_KEYS). */
    SEMICOLON_LIST {
        @Override
        public JsonNode parse(String env, ObjectMapper mapper) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            Arrays.stream(env.split(";", -1)).map(String::trim).forEach(list::add);
            return list;
        }
    };

    /** The value an environment variable's text stands for; {@link IllegalArgumentException} when it has not this type. */
    public abstract JsonNode parse(String env, ObjectMapper mapper);

    /** A number read from trimmed text; null when the text is empty. */
    private static JsonNode orNull(String env, java.util.function.Function<String, JsonNode> number, String expected) {
        String t = env.trim();
        if (t.isEmpty()) {
            return NullNode.instance;
        }
        try {
            return number.apply(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
    }
}
