package dev.webui.core.access;

/** The two kinds of id a grant lists, with their key inside {@code access_control.read|write}. */
enum Grantee {
    USER("user_ids"),
    GROUP("group_ids");

    final String key;

    Grantee(String key) {
        this.key = key;
    }
}
