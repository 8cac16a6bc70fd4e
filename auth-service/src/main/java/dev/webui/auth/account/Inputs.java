package dev.webui.auth.account;

import dev.webui.common.error.ApiException;
import dev.webui.core.json.JsonColumns;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises the fields people type into account forms. */
public final class Inputs {
    public static final int MAX_NAME = 255;
    public static final int MAX_EMAIL = 255;
    private static final int MAX_TEXT = 10_000;
    // local part and a domain of dot-separated labels; "admin@localhost" style addresses are allowed as in Open WebUI
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private Inputs() {
    }

    /** The e-mail address trimmed and lower-cased; 400 when missing, malformed or too long. */
    public static String email(String raw) {
        String email = raw == null ? "" : JsonColumns.stripNul(raw).trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw ApiException.badRequest("An e-mail address is required.");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("Invalid e-mail address: use the form name@example.com.");
        }
        return email;
    }

    /** A display name, trimmed; 400 when blank or longer than 255 characters. */
    public static String name(String raw) {
        String name = raw == null ? "" : JsonColumns.stripNul(raw).trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("A name is required.");
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("The name is longer than " + MAX_NAME + " characters.");
        }
        return name;
    }

    /** Optional free text (bio, gender); 400 when absurdly long. */
    public static String text(String field, String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_TEXT) {
            throw ApiException.badRequest(field + " is longer than " + MAX_TEXT + " characters.");
        }
        return JsonColumns.stripNul(raw);
    }

    /** The profile image URL, defaulting to /user.png. */
    public static String profileImage(String raw) {
        return raw == null || raw.isBlank() ? "/user.png" : JsonColumns.stripNul(raw);
    }

    /** YYYY-MM-DD or nothing. */
    public static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be a date in the form YYYY-MM-DD.");
        }
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON request body is required.");
        }
        return body;
    }
}
