package dev.webui.auth.user;

/** What any signed-in user may learn about another: enough to show a mention or an author. */
public record UserSummary(String id, String name, String profileImageUrl) {
}
