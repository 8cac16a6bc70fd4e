package dev.webui.common.webhook;

import java.util.Map;

/**
 * One notification, as Open WebUI sends it: {@code action} ({@code signup}, {@code chat} or
 * {@code channel}), the text chat services show, and the fields a generic endpoint receives as
 * its JSON body (they include {@code action} and {@code message}).
 */
public record WebhookEvent(String action, String text, Map<String, Object> fields) {
}
