package dev.webui.importer.tables;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.Epochs;
import dev.webui.importer.value.Json;
import dev.webui.importer.value.RowReader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The column list of one target table and how each value is read from a source row. */
public final class Columns {
    private final String table;
    private final List<String> names = new ArrayList<>();
    private final List<Function<RowReader, Object>> values = new ArrayList<>();
    private final List<Boolean> jsonb = new ArrayList<>();
    private String sql;

    private Columns(String table) {
        this.table = table;
    }

    public static Columns of(String table) {
        return new Columns(table);
    }

    public Columns value(String column, Function<RowReader, Object> value) {
        names.add(column);
        values.add(value);
        jsonb.add(false);
        sql = null;
        return this;
    }

    public Columns json(String column, Function<RowReader, JsonNode> value) {
        names.add(column);
        values.add(r -> {
            JsonNode node = value.apply(r);
            return node == null ? null : Json.write(node);
        });
        jsonb.add(true);
        sql = null;
        return this;
    }

    public Columns text(String column) {
        return value(column, r -> r.text(column));
    }

    public Columns text(String column, String fallback) {
        return value(column, r -> r.text(column, fallback));
    }

    public Columns bool(String column, boolean fallback) {
        return value(column, r -> r.bool(column, fallback));
    }

    public Columns seconds(String column) {
        return value(column, r -> r.epoch(column, Epochs.Unit.SECONDS));
    }

    /** NOT NULL seconds: missing → the first present of {@code fallbacks}, else the import time. */
    public Columns requiredSeconds(String column, String... fallbacks) {
        return value(column, r -> required(r, column, Epochs.Unit.SECONDS, fallbacks));
    }

    public Columns nanos(String column) {
        return value(column, r -> r.epoch(column, Epochs.Unit.NANOSECONDS));
    }

    public Columns json(String column) {
        return json(column, r -> r.json(column));
    }

    /** NOT NULL jsonb with a default: null or unparsable becomes the default. */
    public Columns json(String column, String fallback) {
        return json(column, r -> {
            JsonNode node = r.json(column);
            if (node != null) {
                return node;
            }
            try {
                return Json.parse(fallback);
            } catch (Exception e) {
                throw new IllegalArgumentException(fallback, e);
            }
        });
    }

    static long required(RowReader r, String column, Epochs.Unit unit, String... fallbacks) {
        Long v = r.epoch(column, unit);
        if (v != null) {
            return v;
        }
        for (String fallback : fallbacks) {
            Long f = r.epoch(fallback, unit);
            if (f != null) {
                r.repair(column + " missing, set to " + fallback);
                return f;
            }
        }
        r.repair(column + " missing, set to the import time");
        return r.importTime(unit);
    }

    public Insert insert(RowReader row) {
        List<Object> params = new ArrayList<>(values.size());
        for (Function<RowReader, Object> value : values) {
            params.add(value.apply(row));
        }
        return new Insert(table, sql(), params);
    }

    public String sql() {
        if (sql == null) {
            StringBuilder b = new StringBuilder("INSERT INTO \"").append(table).append("\" (");
            StringBuilder v = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                    v.append(", ");
                }
                b.append('"').append(names.get(i)).append('"');
                v.append(jsonb.get(i) ? "?::jsonb" : "?");
            }
            sql = b.append(") VALUES (").append(v).append(") ON CONFLICT DO NOTHING").toString();
        }
        return sql;
    }
}
