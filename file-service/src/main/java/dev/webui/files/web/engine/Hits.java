package dev.webui.files.web.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reads an engine's list of hits by the names of its link, title and snippet fields. */
final class Hits {
    private Hits() {
    }

    static List<SearchResult> read(JsonNode items, String link, String title, String snippet) {
        List<SearchResult> out = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(item -> {
                String url = item.path(link).asText("");
                if (!url.isBlank()) {
                    out.add(new SearchResult(url, text(item, title), text(item, snippet)));
                }
            });
        }
        return out;
    }

    /** The hits sorted by a numeric field (ascending, or descending for scores); missing values count as 0. */
    static JsonNode sorted(JsonNode items, String field, boolean descending) {
        if (items == null || !items.isArray()) {
            return items;
        }
        Comparator<JsonNode> order = Comparator.comparingDouble(n -> n.path(field).asDouble(0));
        List<JsonNode> list = StreamSupport.stream(items.spliterator(), false)
                .sorted(descending ? order.reversed() : order).toList();
        return dev.webui.files.db.Json.MAPPER.valueToTree(list);
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
