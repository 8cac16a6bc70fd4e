package dev.webui.api.chat;

import dev.webui.api.tag.TagResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The search box's text: words plus filter tokens tag:, folder:, pinned:, archived:, shared:. */
record ChatSearch(String text, List<String> tagIds, String folder, Boolean pinned, Boolean archived, Boolean shared) {
    static ChatSearch parse(String input) {
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String folder = null;
        Boolean pinned = null;
        Boolean archived = null;
        Boolean shared = null;
        for (String token : (input == null ? "" : input).trim().split("\\s+")) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.startsWith("tag:") && token.length() > 4) {
                tags.add(TagResponse.idOf(token.substring(4)));
            } else if (lower.startsWith("folder:") && token.length() > 7) {
                folder = token.substring(7);
            } else if (lower.startsWith("pinned:")) {
                pinned = flag(lower.substring(7));
            } else if (lower.startsWith("archived:")) {
                archived = flag(lower.substring(9));
            } else if (lower.startsWith("shared:")) {
                shared = flag(lower.substring(7));
            } else if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return new ChatSearch(String.join(" ", words), tags, folder, pinned, archived, shared);
    }

    private static Boolean flag(String value) {
        return value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : null;
    }
}
