package dev.webui.api.tool;

import dev.webui.common.auth.AuthenticatedUser;

import java.time.Duration;

/**
 * Who calls a tool and for how long at most.
 *
 * @param authorization the caller's Authorization header, for servers whose auth type is {@code session}
 */
public record ToolCall(AuthenticatedUser user, String authorization, Duration timeout) {
}
