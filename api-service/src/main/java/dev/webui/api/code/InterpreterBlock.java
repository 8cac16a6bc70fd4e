package dev.webui.api.code;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first {@code <code_interpreter type="code" lang="python">...</code_interpreter>} block of a
 * round's text, as the interpreter prompt asks the model to write it. Like Open WebUI, the text
 * after the closing tag is dropped (the model was told to stop there), a block the stream left
 * open runs with what came, and an opening code fence right before the tag is removed.
 *
 * @param before     the round's text before the block, as it should be shown
 * @param attributes the tag's {@code name="value"} attributes
 * @param code       the block's content, trimmed
 */
public record InterpreterBlock(String before, Map<String, String> attributes, String code) {
    private static final Pattern OPEN = Pattern.compile("<code_interpreter(\\s[^>]*)?>");
    private static final String CLOSE = "</code_interpreter>";
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]+)\"");

    /** The block in {@code text}, or null when there is none or it holds no code. */
    public static InterpreterBlock find(String text) {
        if (text == null) {
            return null;
        }
        Matcher open = OPEN.matcher(text);
        if (!open.find()) {
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(open.group(1) == null ? "" : open.group(1));
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2));
        }
        int close = text.indexOf(CLOSE, open.end());
        String code = (close < 0 ? text.substring(open.end()) : text.substring(open.end(), close)).strip();
        return code.isEmpty() ? null : new InterpreterBlock(withoutOpenFence(text.substring(0, open.start())), attributes, code);
    }

    /** Only {@code type="code"} blocks are run (Open WebUI's rule). */
    public boolean runnable() {
        return "code".equals(attributes.get("type"));
    }

    public String lang() {
        return attributes.getOrDefault("lang", "");
    }

    /**
     * What the user sees in place of the block: the collapsible block the stock UI renders with the
     * code and its output (the answer shows {@link #before()} and then this).
     */
    public String shown(CodeOutput output) {
        return "<details type=\"code_interpreter\" done=\"true\" output=\"" + OutputAttribute.of(output)
                + "\">\n<summary>Analyzed</summary>\n```" + lang() + "\n" + code + "\n```\n</details>\n";
    }

    /** What the model reads on the next round: its own block and the output under it. */
    public String raw(CodeOutput output) {
        return lineStart(before) + "<code_interpreter type=\"code\" lang=\"" + lang() + "\">\n" + code
                + "\n</code_interpreter>\n```output\n" + OutputAttribute.of(output) + "\n```\n";
    }

    private static String lineStart(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    /** An odd number of fences means one is open: its backticks (and language) go, the text before it stays. */
    private static String withoutOpenFence(String text) {
        int fences = 0;
        int last = -1;
        for (int at = text.indexOf("```"); at >= 0; at = text.indexOf("```", at + 3)) {
            fences++;
            last = at;
        }
        if (fences % 2 == 0) {
            return text;
        }
        String tail = text.substring(last + 3);
        return tail.strip().matches("[\\w+#.-]*") ? text.substring(0, last).stripTrailing() + "\n" : text;
    }
}
