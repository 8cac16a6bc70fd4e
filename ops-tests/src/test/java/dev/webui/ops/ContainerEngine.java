package dev.webui.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The container engine of the compose end-to-end test, through the scripts in src/test/compose:
 * Debian's podman (installed and configured by engine.sh) with its Docker-compatible socket, and the
 * stand-in base images (base-images.sh). The podman CLI answers the test's own questions.
 */
final class ContainerEngine {
    private static final Path SCRIPTS = Repo.file("ops-tests/src/test/compose");

    record Output(int exit, String text) {
        String lastLine() {
            return text.strip().lines().reduce((a, b) -> b).orElse("");
        }
    }

    private boolean startedHere;

    /** Null when this machine can run it, else why not (not root, podman not installable). */
    static String whyNot() {
        Output check = script(Duration.ofMinutes(3), "engine.sh", "check");
        return check.exit() == 0 ? null : check.text().strip();
    }

    /** Installs and configures what is missing, starts the Docker-compatible socket; returns DOCKER_HOST. */
    String start() {
        succeed(script(Duration.ofMinutes(10), "engine.sh", "install"), "installing the engine");
        startedHere = !Files.exists(Path.of("/run/podman/podman.sock"));
        return succeed(script(Duration.ofMinutes(2), "engine.sh", "start"), "starting the engine").lastLine();
    }

    /** The stand-ins for postgres, redis, the JRE bases and nginx (built once per machine). */
    void baseImages() {
        succeed(script(Duration.ofMinutes(15), "base-images.sh", "build"), "building the stand-in base images");
    }

    List<String> baseImageNames() {
        return succeed(script(Duration.ofSeconds(30), "base-images.sh", "names"), "naming the base images").text().strip().lines().toList();
    }

    /** Stops the socket if this test started it. */
    void stop() {
        if (startedHere) {
            script(Duration.ofMinutes(1), "engine.sh", "stop");
        }
    }

    Output podman(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return run(command, Duration.ofMinutes(2));
    }

    /** podman that must succeed; its output. */
    String podmanOk(String... args) {
        return succeed(podman(args), "podman " + String.join(" ", args)).text();
    }

    private static Output script(Duration timeout, String name, String... args) {
        List<String> command = new ArrayList<>(List.of(SCRIPTS.resolve(name).toString()));
        command.addAll(List.of(args));
        return run(command, timeout);
    }

    private static Output succeed(Output output, String what) {
        if (output.exit() != 0) {
            throw new AssertionError(what + " failed (exit " + output.exit() + "):\n" + output.text());
        }
        return output;
    }

    private static Output run(List<String> command, Duration timeout) {
        try {
            Path log = Files.createTempFile("engine", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + timeout + ":\n" + Files.readString(log));
            }
            Output output = new Output(process.exitValue(), Files.readString(log));
            Files.delete(log);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
