package dev.webui.importer.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.importer.newer.PerKeyConfig;
import dev.webui.importer.report.TableReport;
import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code config}, the admin settings. An empty target takes every source row with its id (readers
 * take the highest, as Open WebUI does) and the sequence is moved past them. A target that already
 * has settings takes the source's newest document only when it holds nothing but what the first
 * sign-up writes, or with {@code --settings source}; otherwise it keeps its own. Open WebUI 0.10+
 * keeps one row per key: the document is rebuilt from them ({@link dev.webui.importer.newer.PerKeyConfig}).
 */
public final class ConfigImport extends NamedImport {
    private record Document(int id, String data, int version, LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    private final List<Document> documents = new ArrayList<>();
    private boolean written;

    public ConfigImport() {
        super("config", 500);
    }

    @Override
    public boolean streamed() {
        return false;
    }

    /** Whether this run changed the target's settings (to be announced). */
    public boolean written() {
        return written;
    }

    @Override
    public void prepare(SourceDatabase source, Connection target, ImportContext context) throws Exception {
        TableReport report = context.report().table("config");
        LocalDateTime now = LocalDateTime.ofEpochSecond(context.importTime(), 0, ZoneOffset.UTC);
        if (source.columns("config").contains("key")) {
            ObjectNode rebuilt = PerKeyConfig.rebuild(source, report);
            if (rebuilt != null) {
                report.read();
                documents.add(new Document(1, Json.write(rebuilt), rebuilt.path("version").asInt(0), now, now));
                return;
            }
            if (!source.hasTable("config_old")) {
                return;
            }
        }
        String table = source.columns("config").contains("key") ? "config_old" : "config";
        source.stream(table, List.of("id"), row -> {
            report.read();
            Object id = row.get("id");
            if (!(id instanceof Number) && (id == null || !id.toString().matches("\\d+"))) {
                report.skip("no id", null);
                return;
            }
            JsonNode data;
            try {
                data = row.get("data") == null ? null : Json.clean(Json.parse(row.get("data").toString()), new boolean[2]);
            } catch (Exception e) {
                data = null;
            }
            if (!(data instanceof ObjectNode)) {
                report.repair("data missing or unreadable, imported as {}", id.toString());
                data = Json.MAPPER.createObjectNode();
            }
            Object version = row.get("version");
            documents.add(new Document(Integer.parseInt(id.toString()), Json.write(data),
                    version instanceof Number n ? n.intValue() : 0, time(row.get("created_at"), now), time(row.get("updated_at"), null)));
        });
    }

    private static LocalDateTime time(Object value, LocalDateTime fallback) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value != null) {
            try {
                return LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
            } catch (Exception e) {
                return fallback;
            }
        }
        return fallback;
    }

    @Override
    public List<Insert> map(dev.webui.importer.value.RowReader row, ImportContext context) {
        return List.of();
    }

    @Override
    public void finish(Connection target, ImportContext context) throws Exception {
        TableReport report = context.report().table("config");
        if (documents.isEmpty()) {
            return;
        }
        if (target == null) {
            report.written(documents.size());
            context.report().note("settings: the source's settings would be written (no target to compare with)");
            return;
        }
        try (Statement s = target.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + 0x6f77_6366L + ")"); // SettingsDocument.WRITE_LOCK
        }
        JsonNode current = null;
        Integer currentId = null;
        try (Statement s = target.createStatement(); ResultSet rs = s.executeQuery("SELECT id, data::text FROM config ORDER BY id DESC LIMIT 1")) {
            if (rs.next()) {
                currentId = rs.getInt(1);
                current = Json.parse(rs.getString(2));
            }
        }
        if (currentId == null) {
            insertAll(target, report);
            context.report().note("settings: the target had none; the source's settings were imported");
            return;
        }
        Document newest = documents.get(documents.size() - 1);
        if (Json.parse(newest.data()).equals(current)) {
            target.commit();
            context.report().note("settings: the target already holds the source's settings");
            return;
        }
        boolean defaults = firstRunDefaults(current);
        if (!defaults && !context.settingsFromSource()) {
            target.commit();
            report.skip("the target's settings were changed by an admin and are kept (run with --settings source to take the source's)", null);
            for (int i = 1; i < documents.size(); i++) {
                report.skip("older settings row of the source (history, not read)", String.valueOf(documents.get(i - 1).id()));
            }
            context.report().note("settings: kept the target's (an admin changed them); the source's were not imported; --settings source takes them");
            return;
        }
        try (PreparedStatement ps = target.prepareStatement("UPDATE config SET data = ?::jsonb, updated_at = now() WHERE id = ?")) {
            ps.setString(1, newest.data());
            ps.setInt(2, currentId);
            ps.executeUpdate();
        }
        target.commit();
        written = true;
        report.written(1);
        for (int i = 0; i < documents.size() - 1; i++) {
            report.skip("older settings row of the source (history, not read)", String.valueOf(documents.get(i).id()));
        }
        context.report().note(defaults
                ? "settings: the target held only first-run defaults; the source's settings were taken"
                : "settings: the target's settings were replaced by the source's (--settings source)");
    }

    private void insertAll(Connection target, TableReport report) throws Exception {
        long n = 0;
        try (PreparedStatement ps = target.prepareStatement("INSERT INTO config (id, data, version, created_at, updated_at) "
                + "VALUES (?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Document d : documents) {
                ps.setInt(1, d.id());
                ps.setString(2, d.data());
                ps.setInt(3, d.version());
                ps.setObject(4, d.createdAt());
                ps.setObject(5, d.updatedAt());
                n += ps.executeUpdate();
            }
        }
        try (Statement s = target.createStatement()) {
            s.execute("SELECT setval(pg_get_serial_sequence('config', 'id'), greatest(coalesce((SELECT max(id) FROM config), 0), 1), "
                    + "(SELECT max(id) FROM config) IS NOT NULL)");
        }
        target.commit();
        written = n > 0;
        report.written(n);
    }

    /** What the suite writes before anyone edits the settings: a version, and sign-up closed by the first admin's sign-up. */
    static boolean firstRunDefaults(JsonNode document) {
        if (!(document instanceof ObjectNode object)) {
            return true;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove("version");
        if (copy.get("ui") instanceof ObjectNode ui) {
            ui.remove("enable_signup");
            if (ui.isEmpty()) {
                copy.remove("ui");
            }
        }
        return copy.isEmpty();
    }
}
