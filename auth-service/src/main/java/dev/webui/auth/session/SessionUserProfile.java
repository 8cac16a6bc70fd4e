package dev.webui.auth.session;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** GET /api/v1/auths/: the SessionUser plus the profile fields of the settings page. */
public record SessionUserProfile(@JsonUnwrapped SessionUser session, String bio, String gender, String dateOfBirth) {
}
