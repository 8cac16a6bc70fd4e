package dev.webui.importer;

import dev.webui.importer.files.UploadCopier;
import dev.webui.importer.newer.Extras;
import dev.webui.importer.newer.NewerSchema;
import dev.webui.importer.report.Report;
import dev.webui.importer.report.TableReport;
import dev.webui.importer.source.Preflight;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.source.SourceVersion;
import dev.webui.importer.source.VersionDetector;
import dev.webui.importer.target.BatchWriter;
import dev.webui.importer.target.DryRunConnection;
import dev.webui.importer.target.Insert;
import dev.webui.importer.target.TargetDatabase;
import dev.webui.importer.tables.ConfigImport;
import dev.webui.importer.tables.ImportContext;
import dev.webui.importer.tables.TableImport;
import dev.webui.importer.tables.Tables;
import dev.webui.importer.value.RowReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One import run: version check, a full read of the source, conflicts with the target, then
 * every table in order, batch by batch, and last the data without a column here (import_extra).
 */
public final class Importer {
    /**
     * {@code batchChars}: a batch is also committed once its text values reach this many
     * characters, so that chats of many megabytes (inline images) do not pile up in memory.
     * {@code assumeVersion}: the release to import an unknown revision as (null: refuse it).
     */
    public record Options(boolean dryRun, Path uploads, Path uploadDir, long batchChars, String assumeVersion,
                          boolean mergeAccounts, boolean settingsFromSource) {
        public static final long DEFAULT_BATCH_CHARS = 16L * 1024 * 1024;

        public Options(boolean dryRun, Path uploads, Path uploadDir) {
            this(dryRun, uploads, uploadDir, DEFAULT_BATCH_CHARS);
        }

        public Options(boolean dryRun, Path uploads, Path uploadDir, long batchChars) {
            this(dryRun, uploads, uploadDir, batchChars, null, false, false);
        }
    }

    /** What a finished run changed that running services must hear about. */
    public record Outcome(Report report, boolean settingsChanged, List<String> users) {
    }

    private final SourceDatabase source;
    private final TargetDatabase target;
    private final Options options;
    private final BatchWriter.Listener listener;
    private final PrintStream progress;
    private final List<String> writtenUsers = new ArrayList<>();

    /** {@code target} may be null for a dry run (which then compares with nothing). */
    public Importer(SourceDatabase source, TargetDatabase target, Options options, BatchWriter.Listener listener,
                    PrintStream progress) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.listener = listener;
        this.progress = progress;
    }

    public Report run() throws Exception {
        return runWithOutcome().report();
    }

    public Outcome runWithOutcome() throws Exception {
        SourceVersion version = VersionDetector.detect(source, options.assumeVersion());
        progress.println("Source: " + version);
        Preflight.check(source, progress);
        Report report = new Report(options.dryRun());
        report.note("source: " + version);
        long importTime = Instant.now().getEpochSecond();
        ImportContext context = new ImportContext(report, importTime,
                new UploadCopier(options.uploads(), options.uploadDir(), options.dryRun()),
                options.mergeAccounts(), options.settingsFromSource());
        context.newer(NewerSchema.load(source));
        Connection connection = null;
        ConfigImport config = null;
        try {
            if (!options.dryRun()) {
                progress.println("Target: " + target + ", schema version " + target.migrate());
                connection = target.open();
            } else if (target != null && target.schemaCurrent()) {
                progress.println("Dry run compared with " + target + " (everything is rolled back)");
                connection = DryRunConnection.wrap(target.open());
            } else if (target != null) {
                report.note("dry run: the target " + target + " has no current schema yet, so everything counts as to be written");
            }
            Set<String> imported = new TreeSet<>();
            List<TableImport> tables = new ArrayList<>(Tables.all(context));
            for (TableImport table : tables) {
                imported.add(table.source());
                if (!source.hasTable(table.source())) {
                    progress.printf("%-18s not in this Open WebUI version, nothing to import%n", table.source());
                    continue;
                }
                importTable(table, connection, context, importTime, true);
                if (table instanceof ConfigImport c) {
                    config = c;
                }
            }
            for (String table : source.tables()) {
                if (!imported.contains(table) && !Extras.NOT_DATA.contains(table) || table.equals("shared_chat")) {
                    importTable(new ExtraRows(table), connection, context, importTime, false);
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        context.mergedAccounts().forEach((from, to) -> writtenUsers.add(to));
        return new Outcome(report, config != null && config.written() && !options.dryRun(),
                options.dryRun() ? List.of() : List.copyOf(writtenUsers));
    }

    /** Whole rows of a table without a home in the suite's schema, into import_extra. */
    private record ExtraRows(String source) implements TableImport {
        @Override
        public String target() {
            return Extras.label(source);
        }

        @Override
        public List<String> orderBy() {
            return List.of("id");
        }

        @Override
        public List<Insert> map(RowReader row, ImportContext context) {
            return List.of(Extras.wholeRow(source, row.row()));
        }
    }

    private void importTable(TableImport table, Connection connection, ImportContext context, long importTime,
                             boolean mapped) throws Exception {
        long started = System.nanoTime();
        table.prepare(source, connection, context);
        TableReport report = context.report().table(table.target());
        if (!table.streamed()) {
            table.finish(connection, context);
            progress.printf("%-18s %d read, %d written, %d skipped%n", table.target(), report.readCount(),
                    report.writtenCount(), report.skippedCount());
            return;
        }
        long total = source.count(table.source());
        long[] lastPrint = {started};
        BatchWriter writer = new BatchWriter(connection, context.report(), (name, batches) -> {
            listener.committed(name, batches);
            long now = System.nanoTime();
            if (now - lastPrint[0] > 2_000_000_000L) {
                lastPrint[0] = now;
                progress.printf("%-18s %d/%d rows%n", table.target(), report.readCount(), total);
            }
        }, connection == null);
        source.stream(table.source(), table.orderBy(), row -> {
            report.read();
            if (mapped) {
                context.newer().adapt(table.source(), row);
                if (row.get("user_id") != null && !table.source().equals("shared_chat")) {
                    row.put("user_id", context.owner(row.get("user_id").toString()));
                }
            }
            RowReader reader = new RowReader(row, report, importTime);
            List<Insert> inserts;
            try {
                inserts = table.map(reader, context);
            } catch (RuntimeException e) {
                report.skip("unreadable row (" + e + ")", row.id());
                return;
            }
            if (!inserts.isEmpty()) {
                if (mapped) {
                    Insert extra = Extras.columns(table.source(), row, row.id());
                    if (extra != null) {
                        context.report().table(extra.table()).read();
                        inserts = new ArrayList<>(inserts);
                        inserts.add(extra);
                    }
                }
                if (table.source().equals("user")) {
                    writtenUsers.add(row.id());
                }
                writer.add(table.target(), row.id(), inserts);
            }
            if (writer.pendingUnits() >= table.batchSize() || writer.pendingChars() >= options.batchChars()) {
                writer.flush(table.target());
            }
        });
        writer.flush(table.target());
        table.finish(connection, context);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.printf("%-18s %d read, %d written, %d skipped in %.1f s%n", table.target(), report.readCount(),
                report.writtenCount(), report.skippedCount(), seconds);
    }
}
