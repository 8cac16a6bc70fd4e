package dev.webui.importer.source;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;

/**
 * Before the first write: SQLite's {@code PRAGMA quick_check} and a full read of every table, so a
 * damaged source is refused whole (naming the table) instead of being half imported.
 */
public final class Preflight {
    private Preflight() {
    }

    public static void check(SourceDatabase source, PrintStream progress) throws UnsupportedSourceException {
        long started = System.nanoTime();
        long rows = 0;
        for (String table : source.tables()) {
            try {
                long[] n = {0};
                source.stream(table, List.of(), row -> n[0]++);
                rows += n[0];
            } catch (Exception e) {
                throw new UnsupportedSourceException("The source database is damaged: table '" + table + "' cannot be read ("
                        + firstLine(e) + "). Nothing was written. Repair it first (sqlite3 webui.db \".recover\" | sqlite3 "
                        + "repaired.db, or restore a backup) and import the repaired copy.");
            }
        }
        if (source.isSqlite()) {
            List<String> result;
            try {
                result = source.strings("PRAGMA quick_check");
            } catch (SQLException e) {
                throw new UnsupportedSourceException("The source database is damaged: PRAGMA quick_check failed (" + firstLine(e)
                        + "). Nothing was written.");
            }
            if (!(result.size() == 1 && "ok".equalsIgnoreCase(result.get(0)))) {
                throw new UnsupportedSourceException("The source database is damaged: PRAGMA quick_check reports "
                        + String.join("; ", result.subList(0, Math.min(5, result.size())))
                        + ". Nothing was written. Repair it first (sqlite3 webui.db \".recover\" | sqlite3 repaired.db) and import the repaired copy.");
            }
        }
        progress.printf("Source checked: %d tables, %d rows readable%s in %.1f s%n", source.tables().size(), rows,
                source.isSqlite() ? ", quick_check ok" : "", (System.nanoTime() - started) / 1e9);
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
