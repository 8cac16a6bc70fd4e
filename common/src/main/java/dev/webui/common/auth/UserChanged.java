package dev.webui.common.auth;

/**
 * CDI event: this replica changed a user, fired before the change is announced on Redis, so
 * caches of this replica that hold more of the user than {@link UserDirectory} drop it at once.
 */
public record UserChanged(String userId) {
}
