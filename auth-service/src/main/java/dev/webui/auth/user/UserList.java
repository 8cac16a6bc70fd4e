package dev.webui.auth.user;

import java.util.List;

public record UserList(List<?> users, long total) {
}
