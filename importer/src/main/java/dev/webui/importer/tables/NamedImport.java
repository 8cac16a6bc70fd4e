package dev.webui.importer.tables;

import java.util.List;

/** An import whose source and target table share a name, read by id. */
abstract class NamedImport implements TableImport {
    private final String table;
    private final int batchSize;

    NamedImport(String table, int batchSize) {
        this.table = table;
        this.batchSize = batchSize;
    }

    @Override
    public final String target() {
        return table;
    }

    @Override
    public final String source() {
        return table;
    }

    @Override
    public List<String> orderBy() {
        return List.of("id");
    }

    @Override
    public final int batchSize() {
        return batchSize;
    }
}
