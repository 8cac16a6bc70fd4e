package dev.webui.importer.onstart;

import dev.webui.core.config.InvalidEnvironmentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Open WebUI database the automatic import reads: {@code IMPORT_SQLITE_ON_START} when set,
 * else {@code DATA_DIR/webui.db} (where Open WebUI keeps it), with the {@code uploads} folder next
 * to it unless {@code IMPORT_UPLOADS_ON_START} names another.
 */
public record OnStartSource(Path database, Path uploads) {

    public static Optional<OnStartSource> find(Function<String, String> env) {
        String named = env.apply("IMPORT_SQLITE_ON_START");
        Path database;
        if (!blank(named)) {
            database = Path.of(named);
            if (!Files.isRegularFile(database)) {
                throw new InvalidEnvironmentException("IMPORT_SQLITE_ON_START=" + named + " is not a file");
            }
        } else {
            String dataDir = env.apply("DATA_DIR");
            if (blank(dataDir) || !Files.isRegularFile(Path.of(dataDir, "webui.db"))) {
                return Optional.empty();
            }
            database = Path.of(dataDir, "webui.db");
        }
        database = database.toAbsolutePath().normalize();
        String uploadsVar = env.apply("IMPORT_UPLOADS_ON_START");
        if (!blank(uploadsVar)) {
            if (!Files.isDirectory(Path.of(uploadsVar))) {
                throw new InvalidEnvironmentException("IMPORT_UPLOADS_ON_START=" + uploadsVar + " is not a directory");
            }
            return Optional.of(new OnStartSource(database, Path.of(uploadsVar)));
        }
        Path beside = database.getParent().resolve("uploads");
        return Optional.of(new OnStartSource(database, Files.isDirectory(beside) ? beside : null));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
