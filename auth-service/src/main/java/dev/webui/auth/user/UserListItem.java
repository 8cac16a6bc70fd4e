package dev.webui.auth.user;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** A user in the admin list: the User object plus the ids of their groups. */
public record UserListItem(@JsonUnwrapped UserModel user, List<String> groupIds) {
}
