package dev.webui.api.completion.tools;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Open WebUI's tool calls block, which the stock UI renders as a collapsible "Tool Executed" with
 * the arguments and the result: {@code <details type="tool_calls" done="true" id name arguments
 * result files embeds>} ({@code done="false"} without the result while the call runs). {@code arguments} and {@code result} hold the text as a JSON string,
 * HTML-escaped (the UI unescapes then parses them); arguments in ASCII, the result as it is.
 */
final class ToolCallsBlock {
    private static final ObjectMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private ToolCallsBlock() {
    }

    static String done(String id, String name, String arguments, String result) {
        return "<details type=\"tool_calls\" done=\"true\" id=\"" + escape(id) + "\" name=\"" + escape(name)
                + "\" arguments=\"" + escape(json(ASCII, arguments)) + "\" result=\"" + escape(json(PLAIN, result))
                + "\" files=\"\" embeds=\"" + escape(json(PLAIN, "")) + "\">\n<summary>Tool Executed</summary>\n</details>\n";
    }

    /** The block while the call runs; the stock UI shows "Executing..." with a spinner. */
    static String pending(String id, String name, String arguments) {
        return "<details type=\"tool_calls\" done=\"false\" id=\"" + escape(id) + "\" name=\"" + escape(name)
                + "\" arguments=\"" + escape(json(ASCII, arguments)) + "\">\n<summary>Executing...</summary>\n</details>\n";
    }

    private static String json(ObjectMapper mapper, String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e); // a String always serialises
        }
    }

    /** Python's html.escape with quotes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
