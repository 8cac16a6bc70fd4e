package dev.webui.api.tool;

import dev.webui.common.auth.AuthenticatedUser;

import java.util.List;

/**
 * The tools one completion asks for: the request's {@code tool_ids} and the model preset's
 * {@code meta.toolIds}, merged.
 *
 * @param authorization the caller's Authorization header
 */
public record ToolRequest(AuthenticatedUser user, String authorization, List<String> toolIds) {
}
