package dev.webui.ops;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** YAML files as plain maps and lists, with navigation that fails with the path it could not follow. */
final class YamlDocs {
    private YamlDocs() {
    }

    static List<Map<String, Object>> readAll(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(reader)) {
                if (doc != null) {
                    docs.add(asMap(doc, file.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return docs;
    }

    static Map<String, Object> read(Path file) {
        List<Map<String, Object>> docs = readAll(file);
        if (docs.size() != 1) {
            throw new AssertionError(file + " should hold one YAML document, not " + docs.size());
        }
        return docs.get(0);
    }

    /** Follows keys (and list indexes given as numbers) from a root; fails naming the missing step. */
    static Object at(Object root, Object... path) {
        Object node = root;
        StringBuilder where = new StringBuilder();
        for (Object step : path) {
            where.append('/').append(step);
            if (step instanceof Integer index && node instanceof List<?> list && index < list.size()) {
                node = list.get(index);
            } else if (node instanceof Map<?, ?> map && map.containsKey(step)) {
                node = map.get(step);
            } else {
                throw new AssertionError("missing " + where);
            }
        }
        return node;
    }

    static Map<String, Object> map(Object root, Object... path) {
        return asMap(at(root, path), List.of(path).toString());
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object root, Object... path) {
        Object node = at(root, path);
        if (!(node instanceof List<?>)) {
            throw new AssertionError(List.of(path) + " is not a list: " + node);
        }
        return (List<Object>) node;
    }

    static String string(Object root, Object... path) {
        return String.valueOf(at(root, path));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String what) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError(what + " is not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }
}
