package dev.webui.api.code;

/**
 * What a run printed and returned, in Open WebUI's answer shape ({@code stdout}, {@code stderr},
 * {@code result}; each trimmed, empty when nothing came). Images are {@code data:image/png;base64,...}
 * lines of {@code result}.
 *
 * @param timedOut the run was cut at the timeout (not part of the answer's JSON)
 */
public record CodeOutput(String stdout, String stderr, String result, boolean timedOut) {
    public static CodeOutput failure(String message) {
        return new CodeOutput("", "Error: " + message, "", false);
    }
}
