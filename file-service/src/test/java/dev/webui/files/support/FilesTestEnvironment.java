package dev.webui.files.support;

import dev.webui.common.testing.TestEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The suite's test environment plus an upload directory of the test class's own. */
public class FilesTestEnvironment extends TestEnvironment {
    private Path uploads;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            uploads = Files.createTempDirectory("file-service-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("UPLOAD_DIR", uploads.toString());
        return config;
    }

    @Override
    public void stop() {
        super.stop();
        if (uploads != null) {
            try (Stream<Path> paths = Files.walk(uploads)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
