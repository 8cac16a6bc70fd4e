package dev.webui.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables the services read, found in their sources: typed mappings
 * ({@code @WithName}, required unless {@code @WithDefault} or Optional), {@code @ConfigProperty}
 * (required unless defaultValue or Optional), {@code ${VAR}} / {@code ${VAR:default}} in the
 * properties files, and the settings registry's entries (each has a default). Open WebUI's connection variables are read by OpenWebuiConfigSourceFactory and
 * DatabaseConnection, which refuse to start without WEBUI_SECRET_KEY and a database.
 */
final class ServiceVariables {
    static final List<Path> TRANSLATOR = List.of(
            Path.of("common/src/main/java/dev/webui/common/config/OpenWebuiConfigSourceFactory.java"),
            Path.of("common-core/src/main/java/dev/webui/core/db/DatabaseConnection.java"));
    static final List<String> TRANSLATOR_REQUIRED = List.of("WEBUI_SECRET_KEY", "DATABASE_URL");

    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\"([A-Z][A-Z0-9_]*)\"\\)([^;]*);", Pattern.DOTALL);
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\(([^)]*name\\s*=\\s*\"([A-Z][A-Z0-9_]*)\"[^)]*)\\)\\s*([\\w.<>]+)", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    // the settings registry: of("dotted.path", "ENV_NAME", type, default, readers...); every entry has a default
    static final Path REGISTRY = Path.of("common-core/src/main/java/dev/webui/core/settings/Settings.java");
    private static final Pattern REGISTRY_ENTRY = Pattern.compile("\\bof\\(\"[a-z0-9_.]+\",\\s*\"([A-Z][A-Z0-9_]*)\"");

    private ServiceVariables() {
    }

    /** Variable name -> true when a service cannot start without it. */
    static Map<String, Boolean> scan(Path root) {
        Map<String, Boolean> vars = new TreeMap<>();
        for (String module : List.of("common", "api-service", "auth-service", "file-service", "socketio-bridge")) {
            Path main = root.resolve(module).resolve("src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".java")) {
                        readJava(read(file), vars);
                    } else if (name.endsWith(".properties")) {
                        readProperties(read(file), vars);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Matcher entries = REGISTRY_ENTRY.matcher(read(root.resolve(REGISTRY)));
        while (entries.find()) {
            record(vars, entries.group(1), false);
        }
        String translator = TRANSLATOR.stream().map(root::resolve).map(ServiceVariables::read).reduce("", String::concat);
        for (String required : TRANSLATOR_REQUIRED) {
            if (!translator.contains("\"" + required + "\"")) {
                throw new AssertionError(TRANSLATOR + " no longer reads " + required + ": update ServiceVariables");
            }
            vars.put(required, true);
        }
        return vars;
    }

    static void readJava(String source, Map<String, Boolean> vars) {
        Matcher m = WITH_NAME.matcher(source);
        while (m.find()) {
            String declaration = m.group(2);
            boolean optional = declaration.contains("@WithDefault") || declaration.contains("Optional");
            record(vars, m.group(1), !optional);
        }
        m = CONFIG_PROPERTY.matcher(source);
        while (m.find()) {
            boolean optional = m.group(1).contains("defaultValue") || m.group(3).startsWith("Optional");
            record(vars, m.group(2), !optional);
        }
    }

    static void readProperties(String text, Map<String, Boolean> vars) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            record(vars, m.group(1), m.group(2) == null);
        }
    }

    // read in several places: required if any reader requires it
    private static void record(Map<String, Boolean> vars, String name, boolean required) {
        vars.merge(name, required, Boolean::logicalOr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
