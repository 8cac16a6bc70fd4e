package dev.webui.core.audio;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which media types speech to text takes: AUDIO_STT_SUPPORTED_CONTENT_TYPES, shell patterns as
 * Open WebUI matches them with fnmatch, or {@code audio/*} and {@code video/webm} when the list
 * is empty. Used by api-service for recordings and by file-service for uploaded audio.
 */
public final class SpeechTypes {
    public static final List<String> DEFAULT = List.of("audio/*", "video/webm");
    /** The AUDIO_STT_ENGINE values api-service transcribes with ("" and "web" are Open WebUI's local and browser engines). */
    public static final Set<String> SERVER_ENGINES = Set.of("openai", "deepgram", "azure");

    private SpeechTypes() {
    }

    /** The configured patterns (the setting's JSON list), or the default ones when it names none. */
    public static List<String> accepted(JsonNode configured) {
        List<String> types = new ArrayList<>();
        if (configured != null) {
            configured.forEach(type -> {
                if (type.isTextual() && !type.textValue().isBlank()) {
                    types.add(type.textValue().strip());
                }
            });
        }
        return types.isEmpty() ? DEFAULT : types;
    }

    public static boolean accepts(JsonNode configured, String contentType) {
        return contentType != null && accepted(configured).stream().anyMatch(pattern -> matches(pattern, contentType));
    }

    /** fnmatch: {@code *} any run of characters, {@code ?} one, case-insensitive; everything else literal. */
    public static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }
}
