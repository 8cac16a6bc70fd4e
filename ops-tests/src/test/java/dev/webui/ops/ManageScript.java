package dev.webui.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs ./docker-manage.sh as a user would, with an environment of the test's choosing. */
final class ManageScript {
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env;

    ManageScript(Map<String, String> env) {
        this.env = env;
    }

    /** The machine's environment without anything that would point the script at another suite. */
    static Map<String, String> cleanEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String name : List.of("DATABASE_URL", "REDIS_URL", "WEBUI_SECRET_KEY", "WEBUI_MODE", "POSTGRES_PASSWORD",
                "UPLOAD_DIR", "COMPOSE_PUBLISH_PORTS", "COMPOSE_PROJECT_NAME")) {
            env.remove(name);
        }
        env.put("NO_COLOR", "1");
        return env;
    }

    Result run(Duration timeout, String... args) {
        return run(Map.of(), timeout, args);
    }

    Result run(Map<String, String> extraEnv, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Repo.file("docker-manage.sh").toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("manage", ".out");
            Path err = Files.createTempFile("manage", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("docker-manage.sh " + String.join(" ", args) + " did not finish in " + timeout
                        + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
            }
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
