package dev.webui.api.code;

/** The answer of /utils/code/execute, as Open WebUI gives it. */
public record CodeAnswer(String stdout, String stderr, String result) {
    static CodeAnswer of(CodeOutput output) {
        return new CodeAnswer(output.stdout(), output.stderr(), output.result());
    }
}
