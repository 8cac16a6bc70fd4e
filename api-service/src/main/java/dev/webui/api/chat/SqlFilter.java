package dev.webui.api.chat;

import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Builds a WHERE clause with numbered parameters for list queries whose filters vary. */
final class SqlFilter {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlFilter(String first, Object... values) {
        add(first, values);
    }

    /** Appends {@code " AND " + condition}, where each {@code ?} takes the next value. */
    SqlFilter and(String condition, Object... values) {
        sql.append(" AND ");
        return add(condition, values);
    }

    SqlFilter tail(String text, Object... values) {
        sql.append(' ');
        return add(text, values);
    }

    private SqlFilter add(String text, Object... values) {
        int next = 0;
        for (char c : text.toCharArray()) {
            if (c == '?') {
                params.add(values[next++]);
                sql.append('$').append(params.size());
            } else {
                sql.append(c);
            }
        }
        return this;
    }

    String sql() {
        return sql.toString();
    }

    Tuple params() {
        return Tuple.tuple(new ArrayList<>(params));
    }

    /** A pattern for ILIKE that matches {@code text} literally anywhere. */
    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
