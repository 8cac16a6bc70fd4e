package dev.webui.importer.onstart;

import dev.webui.core.config.InvalidEnvironmentException;
import dev.webui.importer.Importer;
import dev.webui.importer.report.Report;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.source.UnsupportedSourceException;
import dev.webui.importer.source.VersionDetector;
import dev.webui.importer.tables.AccountConflictException;
import dev.webui.importer.tables.DuplicateEmailsException;
import dev.webui.importer.target.BatchWriter;
import dev.webui.importer.target.TargetDatabase;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The automatic import, run before the services start: imports the Open WebUI database found by
 * {@link OnStartSource} once per target database, and only into a database without users.
 * Every instance takes the same advisory lock first, so of several started together exactly one
 * imports and the others then find the finished {@code import_run} row.
 */
public final class OnStartImport {
    public enum Outcome { IMPORTED, ALREADY_IMPORTED, NOT_EMPTY }

    private final TargetDatabase target;
    private final BatchWriter.Listener listener;
    private final PrintStream out;
    private final PrintStream progress;

    public OnStartImport(TargetDatabase target, BatchWriter.Listener listener, PrintStream out, PrintStream progress) {
        this.target = target;
        this.listener = listener;
        this.out = out;
        this.progress = progress;
    }

    /** {@code uploadDir}: file-service's UPLOAD_DIR, needed when the source has an uploads folder. */
    public Outcome run(OnStartSource source, Path uploadDir) throws Exception {
        progress.println("import on start: found " + source.database() + (source.uploads() == null ? " (no uploads folder)" : ", uploads in " + source.uploads()));
        progress.println("import on start: target " + target + ", schema version " + target.migrate());
        try (ImportMarker marker = ImportMarker.lock(target.open(), progress); SourceDatabase db = open(source.database())) {
            Optional<ImportMarker.Run> previous = marker.find();
            if (previous.isPresent() && previous.get().finishedAt() != null) {
                progress.println("import on start: already done (" + previous.get().source() + " imported at "
                        + Instant.ofEpochSecond(previous.get().finishedAt()) + "); nothing to do");
                return Outcome.ALREADY_IMPORTED;
            }
            if (previous.isEmpty() && marker.hasUsers()) {
                progress.println("import on start: skipped, the database is not empty (it has users): an automatic import never "
                        + "writes into a database in use. To import " + source.database() + " anyway: ./docker-manage.sh import-sqlite "
                        + source.database() + (source.uploads() == null ? "" : " --uploads " + source.uploads()));
                return Outcome.NOT_EMPTY;
            }
            try {
                VersionDetector.detect(db);
            } catch (UnsupportedSourceException e) {
                progress.println("import on start: refused, nothing was imported: " + e.getMessage());
                throw e;
            } catch (SQLException e) {
                throw unreadable(source.database(), e);
            }
            if (previous.isPresent()) {
                progress.println("import on start: resuming the import started at " + Instant.ofEpochSecond(previous.get().startedAt())
                        + " that stopped part-way (rows already written are kept)");
            } else {
                marker.start(source.database().toString(), Instant.now().getEpochSecond());
            }
            Report report;
            try {
                report = new Importer(db, target, new Importer.Options(false, uploadDir == null ? null : source.uploads(), uploadDir),
                        listener, progress).run();
            } catch (DuplicateEmailsException | AccountConflictException | UnsupportedSourceException e) {
                // refused before the first write (duplicates, damaged file): nothing to resume
                if (previous.isEmpty()) {
                    marker.forget();
                }
                progress.println("import on start: refused, nothing was imported: " + e.getMessage());
                throw e;
            } catch (Exception e) {
                progress.println("import on start: stopped part-way (" + e + "). The rows committed so far are kept and the run "
                        + "is recorded as unfinished: the next start resumes it.");
                throw e;
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
            marker.finish(text.toString(StandardCharsets.UTF_8), Instant.now().getEpochSecond());
            report.print(out);
            progress.println("import on start: finished; later starts skip it");
            return Outcome.IMPORTED;
        }
    }

    private static SourceDatabase open(Path database) {
        try {
            return SourceDatabase.sqlite(database);
        } catch (SQLException e) {
            throw unreadable(database, e);
        }
    }

    private static InvalidEnvironmentException unreadable(Path database, SQLException e) {
        return new InvalidEnvironmentException("import on start: cannot read " + database + ": " + e.getMessage()
                + "; is it Open WebUI's webui.db (and not encrypted with SQLCipher)?");
    }
}
