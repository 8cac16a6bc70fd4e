package dev.webui.api.completion;

import dev.webui.common.auth.AuthenticatedUser;

/**
 * Fired (CDI, asynchronously) when a socket-mode answer completed: the follow-up, title and tag
 * generation the request asked for run from it.
 */
public record CompletionFinished(AuthenticatedUser user, CompletionRequest request, ResolvedModel model, String answer) {
}
