package dev.webui.importer.target;

import java.util.List;

/** One row for the target: an INSERT … ON CONFLICT DO NOTHING and its parameters. */
public record Insert(String table, String sql, List<Object> params) {
}
