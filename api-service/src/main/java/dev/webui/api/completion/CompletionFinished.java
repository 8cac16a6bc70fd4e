package dev.webui.api.completion;

import dev.webui.common.auth.AuthenticatedUser;

/**
 * Fired (CDI, asynchronously) when a socket-mode answer completed: the follow-up, title and tag
 * generation the request asked for run from it.
 *
 * @param taskSource where those tasks are asked instead of the task model: the user's browser when
 *                   the model is one of their direct connections (as Open WebUI does); null otherwise
 */
public record CompletionFinished(AuthenticatedUser user, CompletionRequest request, ResolvedModel model, String answer,
                                 AnswerSource taskSource) {
}
