package dev.webui.api.ollama.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.common.error.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open WebUI params (a chat's, a user's or a preset's) on a body bound for Ollama's native
 * {@code /api/chat}, by 0.6.32's rules: Open WebUI-only params dropped, {@code custom_params} laid
 * over the rest, {@code max_tokens} renamed {@code num_predict}, {@code format}, {@code keep_alive}
 * and {@code think} at the top level, everything else in {@code options}. Ollama's known options
 * get their type (numbers given as text are converted, as 0.6.32 casts them); a value that cannot
 * be one is refused with a 400 naming the param, before Ollama is asked.
 */
public final class OllamaParams {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPEN_WEBUI_ONLY = List.of("stream_response", "stream_delta_chunk_size", "function_calling",
            "reasoning_tags", "system");
    private static final List<String> ROOT = List.of("format", "keep_alive", "think");
    private static final Set<String> INTEGER = Set.of("mirostat", "num_ctx", "num_batch", "num_keep", "num_predict",
            "repeat_last_n", "top_k", "num_gpu", "num_thread", "seed");
    private static final Set<String> DECIMAL = Set.of("temperature", "top_p", "min_p", "typical_p", "tfs_z", "mirostat_eta",
            "mirostat_tau", "repeat_penalty", "presence_penalty", "frequency_penalty");
    private static final Set<String> FLAG = Set.of("use_mmap", "use_mlock", "numa");

    private OllamaParams() {
    }

    /** Lays {@code params} over the body (later calls win over earlier ones). */
    public static void apply(ObjectNode body, JsonNode params) {
        ObjectNode clean = cleaned(params);
        if (clean.has("max_tokens")) {
            clean.set("num_predict", clean.remove("max_tokens"));
        }
        for (String name : ROOT) {
            JsonNode value = clean.remove(name);
            if (value != null) {
                body.set(name, root(name, value));
            }
        }
        if (clean.isEmpty()) {
            return;
        }
        ObjectNode options = options(body);
        for (Map.Entry<String, JsonNode> param : clean.properties()) {
            JsonNode value = option(param.getKey(), param.getValue());
            if (value != null) {
                options.set(param.getKey(), value);
            }
        }
    }

    /** The body's {@code options} object, created when missing. */
    static ObjectNode options(ObjectNode body) {
        JsonNode existing = body.get("options");
        if (existing instanceof ObjectNode object) {
            return object;
        }
        if (existing != null && !existing.isNull()) {
            throw ApiException.badRequest("'options' must be an object");
        }
        return body.putObject("options");
    }

    /**
     * One Ollama option with its type checked: a number, a flag, the stop list, or anything else as
     * given; null (left out) for a typed option given as blank text, as a form leaves an unset field.
     */
    static JsonNode option(String name, JsonNode value) {
        boolean typed = INTEGER.contains(name) || DECIMAL.contains(name) || FLAG.contains(name);
        if (typed && value.isTextual() && value.textValue().isBlank()) {
            return null;
        }
        if (INTEGER.contains(name)) {
            return LongNode.valueOf((long) number(name, value, "an integer", true));
        }
        if (DECIMAL.contains(name)) {
            return DoubleNode.valueOf(number(name, value, "a number", false));
        }
        if (FLAG.contains(name)) {
            if (value.isBoolean()) {
                return value;
            }
            if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
                return BooleanNode.valueOf(Boolean.parseBoolean(value.textValue()));
            }
            throw invalid(name, value, "true or false");
        }
        if (name.equals("stop")) {
            return stop(value);
        }
        return value;
    }

    /** 0.6.32 casts with Python's int()/float(): whole-number text converts, an integer option truncates a decimal number. */
    private static double number(String name, JsonNode value, String expected, boolean integer) {
        if (value.isNumber()) {
            return integer ? Math.floor(value.doubleValue()) : value.doubleValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            try {
                return integer ? Long.parseLong(text) : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw invalid(name, value, expected);
            }
        }
        throw invalid(name, value, expected);
    }

    /** A list of strings (or one string) with escapes such as {@code \n} written out, as the UI's text field gives them. */
    private static JsonNode stop(JsonNode value) {
        ArrayNode list = JSON.createArrayNode();
        if (value.isTextual()) {
            list.add(unescape(value.textValue()));
            return list;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw invalid("stop", value, "a list of strings");
                }
                list.add(unescape(item.textValue()));
            }
            return list;
        }
        throw invalid("stop", value, "a list of strings");
    }

    /** A top-level field of Ollama's body ({@code format}, {@code keep_alive}, {@code think}), JSON text parsed and checked. */
    static JsonNode root(String name, JsonNode value) {
        JsonNode parsed = name.equals("think") ? value : parsed(value);
        switch (name) {
            case "format" -> {
                if (!parsed.isObject() && !parsed.isTextual()) {
                    throw invalid(name, value, "\"json\" or a JSON schema object");
                }
            }
            case "keep_alive" -> {
                if (!parsed.isNumber() && !parsed.isTextual()) {
                    throw invalid(name, value, "a duration such as \"5m\" or a number of seconds");
                }
            }
            default -> { // think: a flag, or a level ("low", "medium", "high") for the models that take one
                if (parsed.isTextual() && (parsed.textValue().equals("true") || parsed.textValue().equals("false"))) {
                    return BooleanNode.valueOf(Boolean.parseBoolean(parsed.textValue()));
                }
                if (!parsed.isBoolean() && !parsed.isTextual()) {
                    throw invalid(name, value, "true, false or a level");
                }
            }
        }
        return parsed;
    }

    /** A copy without Open WebUI-only and unset params, with {@code custom_params} (JSON text parsed) laid over it. */
    public static ObjectNode cleaned(JsonNode params) {
        ObjectNode copy = params instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
        OPEN_WEBUI_ONLY.forEach(copy::remove);
        JsonNode custom = copy.remove("custom_params");
        if (custom instanceof ObjectNode extra) {
            extra.properties().forEach(field -> copy.set(field.getKey(), parsed(field.getValue())));
        }
        List<String> unset = new ArrayList<>();
        copy.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                unset.add(field.getKey());
            }
        });
        copy.remove(unset);
        return copy;
    }

    /** Text holding JSON becomes that JSON; other text stays as it is. */
    public static JsonNode parsed(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            JsonNode tree = JSON.readTree(value.textValue());
            return tree == null || tree.isMissingNode() ? value : tree;
        } catch (Exception e) {
            return value;
        }
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    private static ApiException invalid(String name, JsonNode value, String expected) {
        String shown = value.toString();
        if (shown.length() > 80) {
            shown = shown.substring(0, 80) + "…";
        }
        return ApiException.badRequest("Invalid value for the Ollama parameter '" + name + "': expected " + expected
                + ", got " + shown);
    }
}
