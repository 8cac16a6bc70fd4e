package dev.webui.api.channel;

import dev.webui.common.error.ApiException;

/** {@code ?skip=&limit=} of message pages: limit defaults to 50 and is capped at 1000. */
record Window(int skip, int limit) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    static Window parse(String skip, String limit) {
        return new Window(number("skip", skip, 0), Math.min(number("limit", limit, DEFAULT_LIMIT), MAX_LIMIT));
    }

    private static int number(String name, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw ApiException.badRequest("'" + name + "' must be 0 or more");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + name + "' must be a number");
        }
    }
}
