package dev.webui.importer;

import dev.webui.importer.files.UploadCopier;
import dev.webui.importer.report.Report;
import dev.webui.importer.report.TableReport;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.source.SourceVersion;
import dev.webui.importer.source.VersionDetector;
import dev.webui.importer.target.BatchWriter;
import dev.webui.importer.target.Insert;
import dev.webui.importer.target.TargetDatabase;
import dev.webui.importer.tables.ImportContext;
import dev.webui.importer.tables.TableImport;
import dev.webui.importer.tables.Tables;
import dev.webui.importer.value.RowReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** One import run: version check, schema, then every table in order, batch by batch. */
public final class Importer {
    /**
     * {@code batchChars}: a batch is also committed once its text values reach this many
     * characters, so that chats of many megabytes (inline images) do not pile up in memory.
     */
    public record Options(boolean dryRun, Path uploads, Path uploadDir, long batchChars) {
        public static final long DEFAULT_BATCH_CHARS = 16L * 1024 * 1024;

        public Options(boolean dryRun, Path uploads, Path uploadDir) {
            this(dryRun, uploads, uploadDir, DEFAULT_BATCH_CHARS);
        }
    }

    private final SourceDatabase source;
    private final TargetDatabase target;
    private final Options options;
    private final BatchWriter.Listener listener;
    private final PrintStream progress;

    /** {@code target} may be null for a dry run. */
    public Importer(SourceDatabase source, TargetDatabase target, Options options, BatchWriter.Listener listener,
                    PrintStream progress) {
        this.source = source;
        this.target = target;
        this.options = options;
        this.listener = listener;
        this.progress = progress;
    }

    public Report run() throws Exception {
        SourceVersion version = VersionDetector.detect(source);
        progress.println("Source: " + version);
        Report report = new Report(options.dryRun());
        long importTime = Instant.now().getEpochSecond();
        ImportContext context = new ImportContext(report, importTime,
                new UploadCopier(options.uploads(), options.uploadDir(), options.dryRun()));
        Connection connection = null;
        try {
            if (!options.dryRun()) {
                progress.println("Target: " + target + ", schema version " + target.migrate());
                connection = target.open();
            }
            for (TableImport table : Tables.all(context)) {
                if (!source.hasTable(table.source())) {
                    progress.printf("%-18s not in this Open WebUI version, nothing to import%n", table.target());
                    continue;
                }
                importTable(table, connection, context, importTime);
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return report;
    }

    private void importTable(TableImport table, Connection connection, ImportContext context, long importTime) throws Exception {
        long total = source.count(table.source());
        long started = System.nanoTime();
        table.prepare(source, connection, context);
        TableReport report = context.report().table(table.target());
        long[] lastPrint = {started};
        BatchWriter writer = new BatchWriter(connection, context.report(), (name, batches) -> {
            listener.committed(name, batches);
            long now = System.nanoTime();
            if (now - lastPrint[0] > 2_000_000_000L) {
                lastPrint[0] = now;
                progress.printf("%-18s %d/%d rows%n", table.target(), report.readCount(), total);
            }
        }, options.dryRun());
        source.stream(table.source(), table.orderBy(), row -> {
            report.read();
            RowReader reader = new RowReader(row, report, importTime);
            List<Insert> inserts;
            try {
                inserts = table.map(reader, context);
            } catch (RuntimeException e) {
                report.skip("unreadable row (" + e + ")", row.id());
                return;
            }
            if (!inserts.isEmpty()) {
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
