package dev.webui.importer.tables;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.Epochs;
import dev.webui.importer.value.RowReader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code "group"}, with its {@code user_ids} array turned into {@code group_member} rows. */
public final class GroupImport extends NamedImport {
    private static final String MEMBER_SQL =
            "INSERT INTO group_member (group_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

    private final Columns columns = Columns.of("group")
            .text("id").text("user_id").text("name").text("description")
            .json("data").json("meta").json("permissions")
            .seconds("created_at").seconds("updated_at");

    public GroupImport() {
        super("group", 500);
    }

    @Override
    public List<Insert> map(RowReader row, ImportContext context) {
        if (row.id() == null || row.id().isEmpty()) {
            context.report().table("group").skip("no id", null);
            return List.of();
        }
        List<Insert> inserts = new ArrayList<>();
        inserts.add(columns.insert(row));
        Long updated = row.epoch("updated_at", Epochs.Unit.SECONDS);
        Long created = row.epoch("created_at", Epochs.Unit.SECONDS);
        long since = updated != null ? updated : created != null ? created : context.importTime();
        JsonNode ids = row.json("user_ids");
        if (ids != null && !ids.isArray()) {
            row.repair("user_ids was not an array, no members imported");
            return inserts;
        }
        Set<String> members = new LinkedHashSet<>();
        if (ids != null) {
            for (JsonNode id : ids) {
                context.report().table("group_member").read();
                if (id.isTextual() && !id.textValue().isEmpty()) {
                    if (!members.add(context.owner(id.textValue()))) {
                        context.report().table("group_member").skip("listed twice in the group", row.id());
                    }
                } else {
                    context.report().table("group_member").skip("member id that is not a string: " + id, row.id());
                }
            }
        }
        for (String member : members) {
            Long joined = context.newer() == null ? null : context.newer().memberSince(row.id(), member);
            inserts.add(new Insert("group_member", MEMBER_SQL, List.of(row.id(), member, joined != null ? joined : since)));
        }
        return inserts;
    }
}
