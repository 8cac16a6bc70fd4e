package dev.webui.importer.report;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The per-table counts of one import run, printed at the end. */
public final class Report {
    private final Map<String, TableReport> tables = new LinkedHashMap<>();
    private final boolean dryRun;
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    public Report(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public synchronized TableReport table(String name) {
        return tables.computeIfAbsent(name, TableReport::new);
    }

    public synchronized Map<String, TableReport> tables() {
        return Map.copyOf(tables);
    }

    public void print(PrintStream out) {
        out.println();
        out.println(dryRun ? "Import report (dry run: nothing was written; 'written' = would be written)" : "Import report");
        out.println("('present' = already in the target from an earlier run, left as it was)");
        out.printf("%-18s %10s %10s %10s %10s%n", "table", "read", "written", "present", "skipped");
        long read = 0;
        long written = 0;
        long present = 0;
        long skipped = 0;
        for (TableReport t : snapshot().values()) {
            out.printf("%-18s %10d %10d %10d %10d%n", t.table(), t.readCount(), t.writtenCount(), t.presentCount(), t.skippedCount());
            read += t.readCount();
            written += t.writtenCount();
            present += t.presentCount();
            skipped += t.skippedCount();
        }
        out.printf("%-18s %10d %10d %10d %10d%n", "total", read, written, present, skipped);
        for (TableReport t : snapshot().values()) {
            t.mergedReasons().values().forEach(r -> line(out, t.table(), "merged", r));
            t.skipped().values().forEach(r -> line(out, t.table(), "skipped", r));
            t.repaired().values().forEach(r -> line(out, t.table(), "repaired", r));
        }
        notes().forEach(n -> out.println("  " + n));
        TableReport files = snapshot().get("file");
        if (files != null && files.readCount() > 0) {
            out.println("Next step: embeddings are not imported. Once the suite runs, an admin re-indexes (Admin > Settings >"
                    + " Documents > Reindex, or POST /api/v1/knowledge/reindex): file-service embeds every file whose"
                    + " data.status is completed and rebuilds the knowledge bases from their file lists.");
        }
    }

    /** A run-level statement (version, settings decision, announcements), printed after the table. */
    public synchronized void note(String text) {
        notes.add(text);
    }

    public synchronized java.util.List<String> notes() {
        return java.util.List.copyOf(notes);
    }

    private synchronized Map<String, TableReport> snapshot() {
        return new LinkedHashMap<>(tables);
    }

    private static void line(PrintStream out, String table, String kind, TableReport.Reason r) {
        out.printf("  %s: %s %d × %s%s%n", table, kind, r.count(), r.text(),
                r.examples().isEmpty() ? "" : " (e.g. " + String.join(", ", r.examples()) + ")");
    }
}
