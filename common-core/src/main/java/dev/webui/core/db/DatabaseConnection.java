package dev.webui.core.db;

import dev.webui.core.config.InvalidEnvironmentException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the PostgreSQL database is, resolved from Open WebUI's variables: either
 * {@code DATABASE_URL} ({@code postgresql://user:password@host:port/db?sslmode=...}) or the split
 * form ({@code DATABASE_TYPE}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD},
 * {@code DATABASE_HOST}, {@code DATABASE_PORT}, {@code DATABASE_NAME}).
 */
public record DatabaseConnection(String host, int port, String database, String user, String password,
                                 Map<String, String> options) {

    static final Set<String> SUPPORTED_OPTIONS = Set.of("sslmode", "sslrootcert", "application_name", "connect_timeout");
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public static DatabaseConnection fromEnvironment(Function<String, String> env) {
        String url = blankToNull(env.apply("DATABASE_URL"));
        if (url != null) {
            return parse(url);
        }
        String type = blankToNull(env.apply("DATABASE_TYPE"));
        String host = blankToNull(env.apply("DATABASE_HOST"));
        if (type == null && host == null) {
            throw new InvalidEnvironmentException(
                    "No database configured: set DATABASE_URL=postgresql://user:password@host:5432/dbname "
                            + "(or DATABASE_TYPE=postgresql with DATABASE_HOST, DATABASE_USER, DATABASE_PASSWORD, DATABASE_NAME)");
        }
        if (type != null && !type.equals("postgresql") && !type.equals("postgres")) {
            throw new InvalidEnvironmentException("DATABASE_TYPE=" + type
                    + " is not supported: set DATABASE_TYPE=postgresql (SQLite databases are brought over with the importer)");
        }
        if (host == null) {
            throw new InvalidEnvironmentException("DATABASE_TYPE=postgresql needs DATABASE_HOST (and DATABASE_USER, DATABASE_PASSWORD, DATABASE_NAME)");
        }
        String name = blankToNull(env.apply("DATABASE_NAME"));
        String user = blankToNull(env.apply("DATABASE_USER"));
        if (name == null || user == null) {
            throw new InvalidEnvironmentException("DATABASE_TYPE=postgresql needs DATABASE_NAME and DATABASE_USER");
        }
        String port = blankToNull(env.apply("DATABASE_PORT"));
        return new DatabaseConnection(host, port == null ? 5432 : parsePort(port, "DATABASE_PORT"), name, user,
                env.apply("DATABASE_PASSWORD"), Map.of());
    }

    public static DatabaseConnection parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(url, "it has no scheme");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase();
        int plus = scheme.indexOf('+'); // SQLAlchemy driver suffix, e.g. postgresql+psycopg2
        String dialect = plus < 0 ? scheme : scheme.substring(0, plus);
        if (dialect.equals("sqlite")) {
            throw new InvalidEnvironmentException("DATABASE_URL points to SQLite, which the suite does not run on: "
                    + "set DATABASE_URL=postgresql://user:password@host:5432/dbname and import the SQLite file with the importer");
        }
        if (!dialect.equals("postgresql") && !dialect.equals("postgres")) {
            throw invalid(url, "the scheme must be postgresql:// or postgres://");
        }
        String rest = url.substring(schemeEnd + 3);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw invalid(url, "it names no database (…/dbname)");
        }
        String database = decode(rest.substring(slash + 1));
        String authority = rest.substring(0, slash);
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String host;
        int port = 5432;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid(url, "an IPv6 host lacks its closing ]");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                port = parsePort(after.substring(1), "DATABASE_URL's port");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) {
                port = parsePort(authority.substring(colon + 1), "DATABASE_URL's port");
            }
        }
        if (host.isEmpty()) {
            throw invalid(url, "it names no host");
        }
        if (user == null || user.isEmpty()) {
            throw invalid(url, "it names no user (postgresql://user:password@host:port/db)");
        }
        return new DatabaseConnection(host, port, database, user, password, parseOptions(query, url));
    }

    /** URL for the reactive client (credentials are passed separately). */
    public String reactiveUrl() {
        return "postgresql://" + hostForUrl() + ":" + port + "/" + database;
    }

    /** URL for Flyway's JDBC connection, carrying the options pgjdbc understands. */
    public String jdbcUrl() {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(hostForUrl()).append(':').append(port)
                .append('/').append(database);
        String separator = "?";
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey().equals("application_name") ? "ApplicationName"
                    : option.getKey().equals("connect_timeout") ? "connectTimeout" : option.getKey();
            sb.append(separator).append(key).append('=').append(option.getValue());
            separator = "&";
        }
        return sb.toString();
    }

    public Optional<String> sslMode() {
        return Optional.ofNullable(options.get("sslmode"));
    }

    /** Safe to log: the password is masked. */
    @Override
    public String toString() {
        return "postgresql://" + user + (password == null ? "" : ":***") + "@" + hostForUrl() + ":" + port + "/" + database;
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static Map<String, String> parseOptions(String query, String url) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!SUPPORTED_OPTIONS.contains(key)) {
                throw invalid(url, "the option '" + key + "' is not supported (supported: sslmode, sslrootcert, application_name, connect_timeout)");
            }
            if (key.equals("sslmode") && !SSL_MODES.contains(value)) {
                throw invalid(url, "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full");
            }
            options.put(key, value);
        }
        return options;
    }

    private static int parsePort(String value, String what) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidEnvironmentException(what + " must be a number between 1 and 65535, not '" + value + "'");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static InvalidEnvironmentException invalid(String url, String why) {
        return new InvalidEnvironmentException("DATABASE_URL is malformed: " + why
                + "; expected postgresql://user:password@host:5432/dbname (value: " + mask(url) + ")");
    }

    private static String mask(String url) {
        return url.replaceAll("://([^:/@]*):[^@/]*@", "://$1:***@");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
