package dev.webui.api.prompt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.OwnerSummary;

/** A slash-command prompt; {@code user} only in the workspace list. */
public record Prompt(String command, String userId, String title, String content, long timestamp,
                     @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode accessControl,
                     @JsonInclude(JsonInclude.Include.NON_NULL) OwnerSummary user) {
    Prompt withAccessControl(JsonNode acl) {
        return new Prompt(command, userId, title, content, timestamp, acl, user);
    }
}
