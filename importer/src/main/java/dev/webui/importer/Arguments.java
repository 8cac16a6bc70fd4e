package dev.webui.importer;

import java.nio.file.Files;
import java.nio.file.Path;

/** The command line, checked before anything is opened. */
record Arguments(String kind, Path location, String url, Path uploads, boolean dryRun, boolean help,
                 String assumeVersion, boolean mergeAccounts, boolean settingsFromSource) {

    Arguments(String kind, Path location, String url, Path uploads, boolean dryRun, boolean help) {
        this(kind, location, url, uploads, dryRun, help, null, false, false);
    }

    static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("say what to import: sqlite <webui.db> or postgres <url>");
        }
        if (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            return new Arguments(null, null, null, null, false, true);
        }
        String kind = args[0];
        if (kind.equals("on-start")) {
            if (args.length > 1) {
                throw new IllegalArgumentException("on-start takes no arguments: it reads IMPORT_SQLITE_ON_START or DATA_DIR");
            }
            return new Arguments(kind, null, null, null, false, false);
        }
        if (!kind.equals("sqlite") && !kind.equals("postgres")) {
            throw new IllegalArgumentException("unknown source '" + kind + "': use sqlite, postgres or on-start");
        }
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new IllegalArgumentException(kind.equals("sqlite") ? "sqlite needs the path of webui.db"
                    : "postgres needs the URL of Open WebUI's database (postgresql://user:password@host:5432/db)");
        }
        Path uploads = null;
        boolean dryRun = false;
        String assumeVersion = null;
        boolean merge = false;
        boolean settingsFromSource = false;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--merge-accounts" -> merge = true;
                case "--assume-version" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException("--assume-version needs an Open WebUI release, e.g. --assume-version 0.6.5");
                    }
                    assumeVersion = args[++i];
                }
                case "--settings" -> {
                    if (i + 1 >= args.length || !(args[i + 1].equals("source") || args[i + 1].equals("target"))) {
                        throw new IllegalArgumentException("--settings needs 'source' (take the source's settings) or 'target' (keep an admin's changes, the default)");
                    }
                    settingsFromSource = args[++i].equals("source");
                }
                case "--uploads" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--uploads needs a directory");
                    }
                    uploads = Path.of(args[++i]);
                    if (!Files.isDirectory(uploads)) {
                        throw new IllegalArgumentException("--uploads " + uploads + " is not a directory (Open WebUI keeps "
                                + "uploads in DATA_DIR/uploads, /app/backend/data/uploads in its Docker image)");
                    }
                }
                case "-h", "--help" -> {
                    return new Arguments(null, null, null, null, false, true);
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        if (kind.equals("sqlite")) {
            Path db = Path.of(args[1]);
            if (!Files.isRegularFile(db)) {
                throw new IllegalArgumentException(db + " does not exist or is not a file (Open WebUI's database is "
                        + "DATA_DIR/webui.db, /app/backend/data/webui.db in its Docker image)");
            }
            return new Arguments(kind, db, null, uploads, dryRun, false, assumeVersion, merge, settingsFromSource);
        }
        return new Arguments(kind, null, args[1], uploads, dryRun, false, assumeVersion, merge, settingsFromSource);
    }
}
