package dev.webui.api.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.settings.SettingsForm;
import dev.webui.api.settings.SettingsStore;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** GET/POST /api/v1/tasks/config: the task settings under their Open WebUI names. */
@ApplicationScoped
public class TaskConfig {
    static final SettingsForm FORM = SettingsForm.named(
            "TASK_MODEL", Settings.TASK_MODEL,
            "TASK_MODEL_EXTERNAL", Settings.TASK_MODEL_EXTERNAL,
            "ENABLE_TITLE_GENERATION", Settings.ENABLE_TITLE_GENERATION,
            "TITLE_GENERATION_PROMPT_TEMPLATE", Settings.TITLE_PROMPT,
            "IMAGE_PROMPT_GENERATION_PROMPT_TEMPLATE", Settings.IMAGE_PROMPT,
            "ENABLE_AUTOCOMPLETE_GENERATION", Settings.ENABLE_AUTOCOMPLETE,
            "AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH", Settings.AUTOCOMPLETE_INPUT_MAX_LENGTH,
            "TAGS_GENERATION_PROMPT_TEMPLATE", Settings.TAGS_PROMPT,
            "FOLLOW_UP_GENERATION_PROMPT_TEMPLATE", Settings.FOLLOW_UP_PROMPT,
            "ENABLE_FOLLOW_UP_GENERATION", Settings.ENABLE_FOLLOW_UP_GENERATION,
            "ENABLE_TAGS_GENERATION", Settings.ENABLE_TAGS_GENERATION,
            "ENABLE_SEARCH_QUERY_GENERATION", Settings.ENABLE_SEARCH_QUERY_GENERATION,
            "ENABLE_RETRIEVAL_QUERY_GENERATION", Settings.ENABLE_RETRIEVAL_QUERY_GENERATION,
            "QUERY_GENERATION_PROMPT_TEMPLATE", Settings.QUERY_PROMPT,
            "TOOLS_FUNCTION_CALLING_PROMPT_TEMPLATE", Settings.TOOLS_PROMPT)
            .signed(Settings.AUTOCOMPLETE_INPUT_MAX_LENGTH);

    private final SettingsStore store;

    public TaskConfig(SettingsStore store) {
        this.store = store;
    }

    public ObjectNode view() {
        return FORM.view(store);
    }

    /** Saves the fields present (unknown ones ignored); a value of the wrong type is a 400. */
    public Uni<ObjectNode> update(JsonNode body) {
        return store.save(FORM.read(body)).replaceWith(this::view);
    }
}
