package dev.webui.api.utils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our changelog ({@code changelog/CHANGELOG.md}, Keep a Changelog layout) in the shape the stock
 * UI's "What's new" shows: {@code {version: {"date", section: [{"title", "content", "raw"}]}}},
 * sections lower-cased, {@code raw} the entry as HTML.
 */
public final class Changelog {
    private static final Pattern VERSION = Pattern.compile("^## \\[([^]]+)]\\s*-\\s*(\\S+)\\s*$");
    private static final Pattern SECTION = Pattern.compile("^### (.+)$");
    private static final Pattern TITLE = Pattern.compile("^\\*\\*(.+?)\\*\\*:?\\s*(.*)$", Pattern.DOTALL);

    private Changelog() {
    }

    public static Map<String, Object> load() {
        try (InputStream in = Changelog.class.getResourceAsStream("/changelog/CHANGELOG.md")) {
            if (in == null) {
                throw new IllegalStateException("changelog/CHANGELOG.md is missing from the service");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> parse(String text) {
        Map<String, Object> versions = new LinkedHashMap<>();
        Map<String, Object> version = null;
        List<Map<String, String>> section = null;
        StringBuilder entry = null;
        for (String line : text.split("\\R")) {
            Matcher v = VERSION.matcher(line);
            Matcher s = SECTION.matcher(line);
            boolean item = line.startsWith("- ");
            if (entry != null && (v.matches() || s.matches() || item || line.isBlank())) {
                section.add(entry(entry.toString()));
                entry = null;
            }
            if (v.matches()) {
                version = new LinkedHashMap<>();
                version.put("date", v.group(2));
                versions.put(v.group(1), version);
                section = null;
            } else if (s.matches() && version != null) {
                section = new ArrayList<>();
                version.put(s.group(1).strip().toLowerCase(java.util.Locale.ROOT), section);
            } else if (item && section != null) {
                entry = new StringBuilder(line.substring(2).strip());
            } else if (entry != null) {
                entry.append(' ').append(line.strip());
            }
        }
        if (entry != null) {
            section.add(entry(entry.toString()));
        }
        return versions;
    }

    private static Map<String, String> entry(String markdown) {
        Matcher titled = TITLE.matcher(markdown);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("title", titled.matches() ? titled.group(1) : "");
        out.put("content", titled.matches() ? titled.group(2) : markdown);
        out.put("raw", Markdown.html(markdown));
        return out;
    }
}
