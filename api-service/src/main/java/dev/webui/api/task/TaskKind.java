package dev.webui.api.task;

import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;

/**
 * The generation tasks: their enable switch, prompt template setting, built-in prompt and the JSON
 * key the answer must carry. Templates may use {{MESSAGES}}, {{MESSAGES:END:n}},
 * {{MESSAGES:START:n}} and {{prompt}} ({{PROMPT}} and {{TYPE}} for autocompletion).
 */
public enum TaskKind {
    TITLE("Title", "title_generation", Settings.ENABLE_TITLE_GENERATION, Settings.TITLE_PROMPT, "title", """
            Write a short title (3 to 5 words, one fitting emoji in front) for the conversation below, in its language.
            Answer with JSON only: {"title": "..."}

            Conversation:
            {{MESSAGES:END:2}}"""),
    TAGS("Tags", "tags_generation", Settings.ENABLE_TAGS_GENERATION, Settings.TAGS_PROMPT, "tags", """
            Give 1 to 3 broad topic tags for the conversation below, then up to 2 narrower ones, in its language.
            Answer with JSON only: {"tags": ["...", "..."]}

            Conversation:
            {{MESSAGES:END:6}}"""),
    FOLLOW_UPS("Follow-up", "follow_up_generation", Settings.ENABLE_FOLLOW_UP_GENERATION, Settings.FOLLOW_UP_PROMPT, "follow_ups", """
            Suggest 3 to 5 short questions the user could ask next, from the user's point of view, in the conversation's language.
            Each must ask something different: no two questions may repeat or rephrase each other.
            Answer with JSON only: {"follow_ups": ["...", "..."]}

            Conversation:
            {{MESSAGES:END:6}}"""),
    QUERIES("Query", "query_generation", Settings.ENABLE_SEARCH_QUERY_GENERATION, Settings.QUERY_PROMPT, "queries", """
            Write 1 to 3 search queries that would find what the user needs to answer their last message.
            Answer with JSON only: {"queries": ["..."]}

            Conversation:
            {{MESSAGES:END:6}}"""),
    /** Always allowed here; the chat's image step checks ENABLE_IMAGE_PROMPT_GENERATION, as Open WebUI does. */
    IMAGE_PROMPT("Image prompt", "image_prompt_generation", null, Settings.IMAGE_PROMPT, "prompt", """
            Describe, for an image generator, the picture the user asks for in the conversation below: its subject,
            setting, colours, shapes, style and mood, in rich detail but with nothing the user did not ask for or imply.
            Write it in the conversation's language (English when it mixes several).
            Answer with JSON only: {"prompt": "..."}

            Conversation:
            {{MESSAGES:END:6}}"""),
    AUTOCOMPLETE("Autocompletion", "autocomplete_generation", Settings.ENABLE_AUTOCOMPLETE, Settings.AUTOCOMPLETE_PROMPT, "text", """
            You complete text as the user types it. Continue the text in <text> with the next few words it most
            likely goes on with, in its language, fitting the kind of text named in <type> ("General": natural prose;
            "Search Query": a realistic search query). Do not repeat or rephrase the text, do not answer it, do not
            explain: only its continuation. When no continuation fits, answer an empty one.
            Answer with JSON only: {"text": "<continuation>"}

            Earlier conversation, for context:
            {{MESSAGES:END:6}}

            <type>{{TYPE}}</type>
            <text>{{PROMPT}}</text>"""),
    EMOJI("Emoji", "emoji_generation", null, null, "emoji", """
            Answer with the single emoji that best expresses the feeling of this text, and nothing else:
            {{prompt}}""");

    final String label;
    /** Open WebUI's name of the task, in the payload's {@code metadata.task} (what pipeline filters see). */
    final String metadataName;
    final Setting enabled;
    final Setting template;
    final String key;
    final String builtIn;

    TaskKind(String label, String metadataName, Setting enabled, Setting template, String key, String builtIn) {
        this.label = label;
        this.metadataName = metadataName;
        this.enabled = enabled;
        this.template = template;
        this.key = key;
        this.builtIn = builtIn;
    }
}
