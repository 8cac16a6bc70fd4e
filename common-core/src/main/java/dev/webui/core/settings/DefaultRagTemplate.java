package dev.webui.core.settings;

/**
 * Open WebUI's built-in RAG template (v0.6.32 {@code DEFAULT_RAG_TEMPLATE}), kept word for word:
 * the admin's Documents page shows it and completions wrap retrieved sources in it.
 */
public final class DefaultRagTemplate {
    public static final String TEXT = """
            ### Task:
            Respond to the user query using the provided context, incorporating inline citations in the format [id] **only when the <source> tag includes an explicit id attribute** (e.g., <source id="1">).

            ### Guidelines:
            - If you don't know the answer, clearly state that.
            - If uncertain, ask the user for clarification.
            - Respond in the same language as the user's query.
            - If the context is unreadable or of poor quality, inform the user and provide the best possible answer.
            - If the answer isn't present in the context but you possess the knowledge, explain this to the user and provide the answer using your own understanding.
            - **Only include inline citations using [id] (e.g., [1], [2]) when the <source> tag includes an id attribute.**
            - Do not cite if the <source> tag does not contain an id attribute.
            - Do not use XML tags in your response.
            - Ensure citations are concise and directly related to the information provided.

            ### Example of Citation:
            If the user asks about a specific topic and the information is found in a source with a provided id attribute, the response should include the citation like in the following example:
            * "According to the study, the proposed method increases efficiency by 20% [1]."

            ### Output:
            Provide a clear and direct response to the user's query, including inline citations in the format [id] only when the <source> tag with id attribute is present in the context.

            <context>
            {{CONTEXT}}
            </context>

            <user_query>
            {{QUERY}}
            </user_query>
            """;
    /** {@link #TEXT} as a JSON string, the registry's default for {@code rag.template}. */
    static final String JSON = quoted(TEXT);

    private DefaultRagTemplate() {
    }

    private static String quoted(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
