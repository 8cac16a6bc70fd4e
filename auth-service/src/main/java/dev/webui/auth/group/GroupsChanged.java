package dev.webui.auth.group;

/** CDI event: this replica changed a group (its permissions, members or existence). */
public record GroupsChanged() {
}
