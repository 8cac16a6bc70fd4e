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

    /** Sets a column (the newer-schema adapter fills 0.6.32 columns from their new places). */
    public void put(String column, Object value) {
        values.put(column, value);
    }

    /** The row's id as text, for reports. */
    public String id() {
        Object id = values.get("id");
        return id == null ? null : id.toString();
    }
}
