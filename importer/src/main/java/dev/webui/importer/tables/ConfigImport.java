package dev.webui.importer.tables;

import dev.webui.importer.target.Insert;
import dev.webui.importer.value.Epochs;
import dev.webui.importer.value.RowReader;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code config}: every row with its id (readers take the highest, as Open WebUI does), then the
 * sequence moved past them so the services' next insert does not collide.
 */
public final class ConfigImport extends NamedImport {
    private final Columns columns = Columns.of("config")
            .value("id", r -> r.integer("id") == null ? null : r.integer("id").intValue())
            .json("data", "{}")
            .value("version", r -> r.integer("version") == null ? 0 : r.integer("version").intValue())
            .value("created_at", r -> {
                LocalDateTime t = r.timestamp("created_at");
                return t != null ? t : LocalDateTime.ofEpochSecond(r.importTime(Epochs.Unit.SECONDS), 0, ZoneOffset.UTC);
            })
            .value("updated_at", r -> r.timestamp("updated_at"));

    public ConfigImport() {
        super("config", 500);
    }

    @Override
    public List<Insert> map(RowReader row, ImportContext context) {
        if (row.integer("id") == null) {
            context.report().table("config").skip("no id", null);
            return List.of();
        }
        if (row.json("data") == null) {
            row.repair("data missing or unreadable, imported as {}");
        }
        return List.of(columns.insert(row));
    }

    @Override
    public void finish(Connection target, ImportContext context) throws Exception {
        if (target == null) {
            return;
        }
        try (Statement s = target.createStatement()) {
            s.execute("SELECT setval(pg_get_serial_sequence('config', 'id'), greatest(coalesce((SELECT max(id) FROM config), 0), 1), "
                    + "(SELECT max(id) FROM config) IS NOT NULL)");
        }
        target.commit();
    }
}
