package dev.webui.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository under test (the build passes its root as repo.root). */
final class Repo {
    private Repo() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("docker-manage.sh"))) {
            throw new IllegalStateException("not the repository root (no docker-manage.sh): " + root);
        }
        return root;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }
}
