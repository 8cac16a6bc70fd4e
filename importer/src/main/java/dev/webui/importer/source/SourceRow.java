package dev.webui.importer.source;

import java.util.Map;

/** One source row by lower-case column name; columns a vintage lacks read as null. */
public record SourceRow(Map<String, Object> values) {

    public Object get(String column) {
        return values.get(column);
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** The row's id as text, for reports. */
    public String id() {
        Object id = values.get("id");
        return id == null ? null : id.toString();
    }
}
