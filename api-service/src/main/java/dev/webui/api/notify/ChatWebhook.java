package dev.webui.api.notify;

import dev.webui.api.completion.CompletionFinished;
import dev.webui.api.completion.CompletionRequest;
import dev.webui.api.completion.MessageStore;
import dev.webui.api.task.TaskPrompts;
import dev.webui.common.webhook.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import java.util.List;

/**
 * A finished answer in a saved chat is sent to its user's webhook when they are away, with the
 * chat's title and address (WEBUI_URL + /c/id), as Open WebUI does. Temporary chats have no
 * address and are not sent.
 */
@ApplicationScoped
public class ChatWebhook {
    private final UserWebhooks webhooks;
    private final MessageStore titles;

    public ChatWebhook(UserWebhooks webhooks, MessageStore titles) {
        this.webhooks = webhooks;
        this.titles = titles;
    }

    void onFinished(@ObservesAsync CompletionFinished finished) {
        CompletionRequest request = finished.request();
        if (request.persists()) {
            webhooks.notifyAway(List.of(finished.user().id()), "chat", () -> titles.title(request.chatId()).onFailure().recoverWithNull()
                    .map(title -> event(finished, title)));
        }
    }

    private WebhookEvent event(CompletionFinished finished, String title) {
        String name = title == null || title.isBlank() ? "New Chat" : title;
        return webhooks.linkedEvent("chat", name, name, "/c/" + finished.request().chatId(), TaskPrompts.withoutDetails(finished.answer()));
    }
}
