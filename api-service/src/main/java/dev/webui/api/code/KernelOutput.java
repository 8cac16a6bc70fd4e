package dev.webui.api.code;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the kernel's messages that answer one {@code execute_request}: streams, results,
 * displays and errors, up to {@link #LIMIT} characters in all (a loop printing forever must not
 * fill the heap); the rest is dropped with a note in {@code stderr}.
 */
final class KernelOutput {
    static final int LIMIT = 1024 * 1024;
    static final String TRUNCATED = "[output truncated: more than 1 MiB]";

    private final String requestId;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<String> results = new ArrayList<>();
    private int size;
    private boolean truncated;

    KernelOutput(String requestId) {
        this.requestId = requestId;
    }

    /** Takes one message of the channels socket; true once the kernel is idle again after the request. */
    synchronized boolean accept(JsonNode message) {
        if (!requestId.equals(message.path("parent_header").path("msg_id").asText(null))) {
            return false;
        }
        JsonNode content = message.path("content");
        switch (message.path("msg_type").asText(message.path("header").path("msg_type").asText(""))) {
            case "stream" -> {
                String name = content.path("name").asText("");
                if ("stdout".equals(name)) {
                    append(stdout, content.path("text").asText(""));
                } else if ("stderr".equals(name)) {
                    append(stderr, content.path("text").asText(""));
                }
            }
            case "execute_result", "display_data" -> {
                JsonNode data = content.path("data");
                if (data.hasNonNull("image/png")) {
                    addResult("data:image/png;base64," + data.path("image/png").asText("").strip());
                } else if (data.hasNonNull("text/plain")) {
                    addResult(data.path("text/plain").asText(""));
                }
            }
            case "error" -> {
                List<String> lines = new ArrayList<>();
                content.path("traceback").forEach(line -> lines.add(line.asText("")));
                append(stderr, String.join("\n", lines));
            }
            case "status" -> {
                return "idle".equals(content.path("execution_state").asText(""));
            }
            default -> {
            }
        }
        return false;
    }

    private void append(StringBuilder target, String text) {
        if (fits(text)) {
            target.append(text);
        }
    }

    private void addResult(String text) {
        if (fits(text)) {
            results.add(text);
        }
    }

    private boolean fits(String text) {
        if (size + text.length() > LIMIT) {
            truncated = true;
            return false;
        }
        size += text.length();
        return true;
    }

    synchronized CodeOutput finish(boolean timedOut) {
        String errors = stderr.toString();
        if (truncated) {
            errors = errors + "\n" + TRUNCATED;
        }
        if (timedOut) {
            errors = errors + "\nExecution timed out.";
        }
        return new CodeOutput(stdout.toString().strip(), errors.strip(), String.join("\n", results).strip(), timedOut);
    }
}
