package dev.webui.importer.tables;

import dev.webui.importer.target.Insert;
import dev.webui.importer.value.RowReader;

import java.util.List;
import java.util.function.Function;

/**
 * A table copied column by column under the general rules of docs/schema.md ("Conventions"), with an optional
 * check that skips a row (returning the reason).
 */
public final class MappedImport implements TableImport {
    private final String source;
    private final Columns columns;
    private final String target;
    private final Function<RowReader, String> check;
    private List<String> order = List.of("id");

    public MappedImport(String source, String target, Columns columns, Function<RowReader, String> check) {
        this.source = source;
        this.target = target;
        this.columns = columns;
        this.check = check;
    }

    public MappedImport(String table, Columns columns) {
        this(table, table, columns, r -> null);
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public String source() {
        return source;
    }

    /** Reads rows in this order instead of by id (the first of duplicates wins). */
    public MappedImport orderedBy(String... columns) {
        order = List.of(columns);
        return this;
    }

    @Override
    public List<String> orderBy() {
        return order;
    }

    @Override
    public List<Insert> map(RowReader row, ImportContext context) {
        String skip = row.id() == null || row.id().isEmpty() ? "no id" : check.apply(row);
        if (skip != null) {
            context.report().table(target).skip(skip, row.id());
            return List.of();
        }
        return List.of(columns.insert(row));
    }
}
