package dev.webui.importer.tables;

import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.RowReader;

import java.sql.Connection;
import java.util.List;

/** How one Open WebUI table becomes rows of ours. */
public interface TableImport {
    /** Our table, also the report's name. */
    String target();

    /** Open WebUI's table. */
    String source();

    /** Source columns to read in (those a vintage lacks are ignored). */
    List<String> orderBy();

    /** False for imports that read and write everything in {@link #prepare} and {@link #finish}. */
    default boolean streamed() {
        return true;
    }

    default int batchSize() {
        return 500;
    }

    /** Checks and look-ups before the first row; {@code target} is null in a dry run. */
    default void prepare(SourceDatabase source, Connection target, ImportContext context) throws Exception {
    }

    /** The inserts for one source row; an empty list when the row is skipped (reported by the import). */
    List<Insert> map(RowReader row, ImportContext context) throws Exception;

    /** After the last batch; {@code target} is null in a dry run. */
    default void finish(Connection target, ImportContext context) throws Exception {
    }
}
