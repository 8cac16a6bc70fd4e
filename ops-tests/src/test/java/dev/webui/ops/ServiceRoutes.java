package dev.webui.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTTP routes a service module declares, read from its Java sources (no build needed):
 * JAX-RS resources (the class's {@code @Path} joined to each method's, with its {@code @GET},
 * {@code @POST}, ...; REST client interfaces are left out) and Vert.x routes installed by an
 * {@code @Observes Router} method. Vert.x paths are built at run time, so for those the check is
 * looser: a path is declared when it is the concatenation of at most three string literals of the
 * class ({@code "/ollama" + "/api/pull" + "/:idx"}), or starts with a literal ending in {@code /}
 * when the class also routes {@code "*"}; the method is not checked.
 */
final class ServiceRoutes {
    /** The modules that serve HTTP behind the gateway. */
    static final List<String> MODULES = List.of("api-service", "auth-service", "file-service", "socketio-bridge");
    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern VERB = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH|HEAD)\\b");
    private static final Pattern MEMBER_END = Pattern.compile("[;{}][ \\t]*\\n");
    private static final Pattern PATH = Pattern.compile("@Path\\(\\s*§(\\d+)§\\s*\\)");

    /** One source file: its class name, its code with each string literal replaced by §n§, and the literals. */
    record Source(String module, String className, String code, List<String> literals) {
        boolean observesRouter() {
            return code.contains("@Observes Router");
        }
    }

    /** A JAX-RS route: method and path template as declared. */
    record Route(String method, String path) {
    }

    private final List<Source> sources = new ArrayList<>();

    ServiceRoutes(Path root) {
        for (String module : MODULES) {
            Path main = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> sources.add(read(module, f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The module's source of this simple class name, if there is one. */
    Source find(String module, String className) {
        return sources.stream().filter(s -> s.module().equals(module) && s.className().equals(className)).findFirst().orElse(null);
    }

    /** Whether the class declares method + path (JAX-RS exactly; Vert.x by the looser rule above). */
    static boolean declares(Source source, String method, String path) {
        String wanted = normalise(path);
        if (jaxRs(source).stream().anyMatch(r -> r.method().equals(method) && normalise(r.path()).equals(wanted))) {
            return true;
        }
        return source.observesRouter() && vertx(source, wanted);
    }

    /** Every JAX-RS route of the class (none for an interface or a REST client). */
    static List<Route> jaxRs(Source source) {
        String code = source.code();
        Matcher type = TYPE.matcher(code);
        if (!type.find() || !type.group(1).equals("class") || code.contains("@RegisterRestClient")) {
            return List.of();
        }
        String base = pathIn(source, code.substring(0, type.start()));
        List<Route> routes = new ArrayList<>();
        Matcher verb = VERB.matcher(code);
        while (verb.find()) {
            int from = lastMemberEnd(code, verb.start());
            int to = code.indexOf('{', verb.end());
            String own = pathIn(source, code.substring(from, to < 0 ? code.length() : to));
            routes.add(new Route(verb.group(1), join(base, own)));
        }
        return routes;
    }

    /** Where the member before this point ends: a ';', '{' or '}' that closes its line (an annotation's braces do not). */
    private static int lastMemberEnd(String code, int at) {
        Matcher end = MEMBER_END.matcher(code.substring(0, at));
        int found = 0;
        while (end.find()) {
            found = end.end();
        }
        return found;
    }

    private static boolean vertx(Source source, String wanted) {
        Set<String> parts = new LinkedHashSet<>();
        for (String literal : source.literals()) {
            if (literal.startsWith("/") || literal.equals("*")) {
                parts.add(literal.equals("*") || literal.equals("/") ? literal : normalise(literal));
            }
        }
        for (String a : parts) {
            if (a.endsWith("/") && parts.contains("*") && wanted.startsWith(a)) {
                return true;
            }
            for (String b : parts) {
                for (String c : parts) {
                    if (wanted.equals(a) || wanted.equals(normalise(a + b)) || wanted.equals(normalise(a + b + c))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A path with every parameter ({@code {id}}, {@code :id}) as {@code {}} and no trailing slash. */
    static String normalise(String path) {
        String params = path.replaceAll("\\{[^}]*}", "{}").replaceAll(":\\w+", "{}");
        return params.length() > 1 && params.endsWith("/") ? params.substring(0, params.length() - 1) : params;
    }

    private static String join(String base, String own) {
        if (own.isEmpty()) {
            return base;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (own.startsWith("/") ? own : "/" + own);
    }

    private static String pathIn(Source source, String text) {
        Matcher path = PATH.matcher(text);
        String found = "";
        while (path.find()) {
            found = source.literals().get(Integer.parseInt(path.group(1)));
        }
        return found;
    }

    private static Source read(String module, Path file) {
        try {
            String name = file.getFileName().toString().replace(".java", "");
            List<String> literals = new ArrayList<>();
            return new Source(module, name, lex(Files.readString(file), literals), literals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code without comments, each string literal (text blocks too) replaced by §index§. */
    static String lex(String java, List<String> literals) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                i = java.indexOf('\n', i) < 0 ? java.length() : java.indexOf('\n', i);
            } else if (java.startsWith("/*", i)) {
                i = java.indexOf("*/", i + 2) + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                literals.add(java.substring(i + 3, end));
                code.append('§').append(literals.size() - 1).append('§');
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (java.charAt(j) != c) {
                    if (java.charAt(j) == '\\') {
                        j++;
                    }
                    literal.append(java.charAt(j));
                    j++;
                }
                if (c == '"') {
                    literals.add(literal.toString());
                    code.append('§').append(literals.size() - 1).append('§');
                } else {
                    code.append("' '");
                }
                i = j + 1;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
