package dev.webui.auth.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.auth.user.User;

/** What a session check answers besides the token: the user's row and effective permissions (shared: never modify). */
public record SessionInputs(User user, ObjectNode permissions) {
}
