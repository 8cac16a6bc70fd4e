package dev.webui.importer;

import dev.webui.core.config.InvalidEnvironmentException;
import dev.webui.core.db.DatabaseConnection;
import dev.webui.importer.onstart.OnStartImport;
import dev.webui.importer.onstart.OnStartSource;
import dev.webui.importer.report.Report;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.source.UnsupportedSourceException;
import dev.webui.importer.tables.AccountConflictException;
import dev.webui.importer.tables.DuplicateEmailsException;
import dev.webui.importer.target.TargetDatabase;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/** {@code java -jar importer.jar sqlite <webui.db> | postgres <url> [--uploads DIR] [--dry-run] [...]}, see USAGE_TEXT. */
public final class Main {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int REFUSED = 2;
    static final int FAILED = 3;

    static final String USAGE_TEXT = """
            Imports an Open WebUI database (0.1.x to 0.11.0) into open-webui-java.

            Usage:
              java -jar importer.jar sqlite <webui.db> [--uploads DIR] [--dry-run] [--merge-accounts]
                  [--settings source|target] [--assume-version X]
              java -jar importer.jar postgres <postgresql://user:password@host:5432/db> [same options]
              java -jar importer.jar on-start

            Options:
              --uploads DIR   Open WebUI's uploads directory (DATA_DIR/uploads, /app/backend/data/uploads
                              in its Docker image): the files' bytes are copied into UPLOAD_DIR
              --dry-run       read and check everything, write nothing, print the report; with DATABASE_URL
                              set it is compared with the target (what would be written, skipped or refused)
              --merge-accounts  a source account whose e-mail an existing account has is merged onto that
                              account (its chats, files, tags, memories... re-owned); without it such
                              conflicts are refused before anything is written
              --settings source|target  whose settings win when an admin already changed the target's
                              (default target; a target with only first-run defaults takes the source's)
              --assume-version X  import a database with an unknown revision (a fork, a newer release)
                              as Open WebUI release X, e.g. 0.6.5; unknown tables are kept in import_extra

            Environment (the suite's own variables):
              DATABASE_URL    target database, postgresql://user:password@host:5432/db (required unless --dry-run)
              UPLOAD_DIR      file-service's upload directory, as file-service sees it (required with --uploads)
              REDIS_URL, REDIS_KEY_PREFIX  where the running services listen: imported settings and users are
                              announced there, so every replica sees them at once

            on-start, the automatic import run before the services start: imports IMPORT_SQLITE_ON_START,
            else DATA_DIR/webui.db if there is one (uploads from the uploads folder next to it, or
            IMPORT_UPLOADS_ON_START), once per database and only into a database without users;
            instances started together wait for each other on a database lock, so only one imports.

            The import is safe to repeat: rows already present are left as they are, so a run that was
            interrupted is finished by running the same command again. Exit status: 0 done, 1 usage or
            configuration error, 2 source refused (unknown version, damaged, duplicate or taken e-mails;
            nothing written), 3 failed part-way (run again to resume).
            """;

    /** Held so the level sticks: Flyway's per-step INFO lines would drown the import's progress. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private Main() {
    }

    public static void main(String[] args) {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args, System::getenv, System.out, System.err));
    }

    static int run(String[] args, Function<String, String> env, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("importer: " + e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (arguments.help()) {
            out.print(USAGE_TEXT);
            return OK;
        }
        if (arguments.kind().equals("on-start")) {
            return onStart(env, out, err);
        }
        try {
            TargetDatabase target = null;
            if (!arguments.dryRun()) {
                target = new TargetDatabase(DatabaseConnection.fromEnvironment(env));
                checkReachable(target);
            } else if (hasTargetConfigured(env)) {
                target = new TargetDatabase(DatabaseConnection.fromEnvironment(env));
                checkReachable(target);
            }
            Path uploadDir = uploadDir(arguments.uploads(), arguments.dryRun(), env);
            try (SourceDatabase source = openSource(arguments)) {
                Importer importer = new Importer(source, target,
                        new Importer.Options(arguments.dryRun(), arguments.uploads(), uploadDir,
                                Importer.Options.DEFAULT_BATCH_CHARS, arguments.assumeVersion(), arguments.mergeAccounts(),
                                arguments.settingsFromSource()),
                        (table, batches) -> { }, err);
                Importer.Outcome outcome = importer.runWithOutcome();
                Announcer.fromEnvironment(env, err).announce(outcome, outcome.report());
                outcome.report().print(out);
                return OK;
            }
        } catch (InvalidEnvironmentException e) {
            err.println("importer: " + e.getMessage());
            return USAGE;
        } catch (UnsupportedSourceException | DuplicateEmailsException | AccountConflictException e) {
            err.println("importer: refused: " + e.getMessage());
            return REFUSED;
        } catch (Exception e) {
            err.println("importer: failed: " + e);
            err.println("Rows committed so far are kept; fix the cause and run the same command again to finish the import.");
            return FAILED;
        }
    }

    private static int onStart(Function<String, String> env, PrintStream out, PrintStream err) {
        try {
            Optional<OnStartSource> source = OnStartSource.find(env);
            if (source.isEmpty()) {
                err.println("import on start: no Open WebUI database (IMPORT_SQLITE_ON_START is not set and DATA_DIR has no webui.db)");
                return OK;
            }
            TargetDatabase target = new TargetDatabase(DatabaseConnection.fromEnvironment(env));
            checkReachable(target);
            Path uploadDir = uploadDir(source.get().uploads(), false, env);
            new OnStartImport(target, (table, batches) -> { }, out, err).run(source.get(), uploadDir);
            return OK;
        } catch (InvalidEnvironmentException e) {
            err.println("importer: " + e.getMessage());
            return USAGE;
        } catch (UnsupportedSourceException | DuplicateEmailsException | AccountConflictException e) {
            return REFUSED; // OnStartImport said why
        } catch (Exception e) {
            err.println("importer: failed: " + e);
            return FAILED;
        }
    }

    private static boolean hasTargetConfigured(Function<String, String> env) {
        String url = env.apply("DATABASE_URL");
        String host = env.apply("DATABASE_HOST");
        return url != null && !url.isBlank() || host != null && !host.isBlank();
    }

    private static void checkReachable(TargetDatabase target) {
        try {
            target.open().close();
        } catch (SQLException e) {
            throw new InvalidEnvironmentException("cannot connect to the target database " + target + ": " + firstLine(e)
                    + "; check DATABASE_URL and that PostgreSQL is running");
        }
    }

    private static SourceDatabase openSource(Arguments arguments) throws Exception {
        try {
            return open(arguments);
        } catch (SQLException e) {
            throw new InvalidEnvironmentException("cannot read the source database: " + firstLine(e)
                    + (arguments.kind().equals("sqlite") ? "; is it Open WebUI's webui.db (and not encrypted with SQLCipher)?"
                    : "; check the URL and that the server accepts connections"));
        }
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private static SourceDatabase open(Arguments arguments) throws Exception {
        if (arguments.kind().equals("sqlite")) {
            return SourceDatabase.sqlite(arguments.location());
        }
        String url = arguments.url();
        if (url.startsWith("jdbc:")) {
            return SourceDatabase.postgres(url, null, null);
        }
        DatabaseConnection c;
        try {
            c = DatabaseConnection.parse(url);
        } catch (InvalidEnvironmentException e) {
            throw new InvalidEnvironmentException("The source URL: " + e.getMessage().replace("DATABASE_URL", "the source URL"));
        }
        return SourceDatabase.postgres(c.jdbcUrl(), c.user(), c.password());
    }

    private static Path uploadDir(Path uploads, boolean dryRun, Function<String, String> env) throws Exception {
        if (uploads == null) {
            return null;
        }
        String provider = env.apply("STORAGE_PROVIDER");
        if (provider != null && !provider.isBlank() && !provider.equalsIgnoreCase("local")) {
            throw new InvalidEnvironmentException("--uploads copies files into the local upload directory, but STORAGE_PROVIDER="
                    + provider + ": copy the uploads into your object storage yourself and run without --uploads");
        }
        String dir = env.apply("UPLOAD_DIR");
        if (dir == null || dir.isBlank()) {
            throw new InvalidEnvironmentException("--uploads needs UPLOAD_DIR: set it to file-service's upload directory "
                    + "(the path file-service sees, e.g. UPLOAD_DIR=/app/data/uploads inside the compose network)");
        }
        if (!dryRun) {
            Files.createDirectories(Path.of(dir));
            return Path.of(dir).toRealPath();
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
