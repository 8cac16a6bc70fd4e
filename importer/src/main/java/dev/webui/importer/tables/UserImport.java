package dev.webui.importer.tables;

import dev.webui.importer.source.SourceDatabase;
import dev.webui.importer.target.Insert;
import dev.webui.importer.value.Epochs;
import dev.webui.importer.value.RowReader;
import dev.webui.importer.value.Text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code "user"}: e-mail uniqueness checked up front, the primary admin chosen as Open WebUI does. */
public final class UserImport extends NamedImport {
    static final String PSEUDO_PREFIX = "shared-";
    private static final Set<String> ROLES = Set.of("admin", "user", "pending");

    private String primaryAdmin;
    /** lower(e-mail) → id of accounts already in the target. */
    private final Map<String, String> targetEmails = new HashMap<>();
    /** target id → its e-mail as written, for the conflict message. */
    private final Map<String, String> targetAddress = new HashMap<>();
    /** lower(e-mail) → source id. */
    private final Map<String, String> sourceIds = new HashMap<>();
    private boolean targetHasPrimaryAdmin;

    private final Columns columns = Columns.of("user")
            .text("id")
            .text("name", "")
            .value("email", r -> r.text("email").trim())
            .value("role", UserImport::role)
            .text("profile_image_url", "/user.png")
            .value("api_key", r -> blankToNull(r.text("api_key")))
            .requiredSeconds("created_at", "updated_at")
            .requiredSeconds("updated_at", "created_at")
            .requiredSeconds("last_active_at", "updated_at", "created_at")
            .json("settings")
            .json("info")
            .value("oauth_sub", r -> blankToNull(r.text("oauth_sub")))
            .value("username", UserImport::username)
            .text("bio")
            .text("gender")
            .value("date_of_birth", r -> r.date("date_of_birth"))
            .value("is_primary_admin", r -> r.id().equals(primaryAdmin) && !targetHasPrimaryAdmin);

    public UserImport() {
        super("user", 500);
    }

    @Override
    public List<String> orderBy() {
        return List.of("created_at", "id");
    }

    @Override
    public void prepare(SourceDatabase source, Connection target, ImportContext context) throws Exception {
        sourceIds.clear();
        Map<String, List<String>> byEmail = new TreeMap<>();
        long[] earliest = {Long.MAX_VALUE};
        source.stream("user", List.of("id"), row -> {
            String id = String.valueOf(row.get("id"));
            Object email = row.get("email");
            if (id.startsWith(PSEUDO_PREFIX) || email == null) {
                return;
            }
            String lower = Text.stripNul(email.toString()).trim().toLowerCase(Locale.ROOT);
            byEmail.computeIfAbsent(lower, k -> new ArrayList<>()).add(id + " <" + email + ">");
            sourceIds.put(lower, id);
            long created = createdAt(row.get("created_at"));
            if (primaryAdmin == null || created < earliest[0] || created == earliest[0] && id.compareTo(primaryAdmin) < 0) {
                earliest[0] = created;
                primaryAdmin = id;
            }
        });
        List<String> duplicates = byEmail.values().stream().filter(l -> l.size() > 1).map(l -> String.join(", ", l)).toList();
        if (!duplicates.isEmpty()) {
            throw new DuplicateEmailsException(duplicates);
        }
        if (target != null) {
            try (PreparedStatement ps = target.prepareStatement("SELECT id, lower(email), is_primary_admin, email FROM \"user\"");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    targetEmails.put(rs.getString(2), rs.getString(1));
                    targetAddress.put(rs.getString(1), rs.getString(4));
                    if (rs.getBoolean(3) && !rs.getString(1).equals(primaryAdmin)) {
                        targetHasPrimaryAdmin = true;
                    }
                }
            }
            target.rollback();
            conflicts(byEmail, context);
        }
    }

    /** Same e-mail, different id in the target: refused before anything is written, or merged on request. */
    private void conflicts(Map<String, List<String>> byEmail, ImportContext context) throws AccountConflictException {
        List<String> pairs = new ArrayList<>();
        byEmail.forEach((email, accounts) -> {
            String owner = targetEmails.get(email);
            String sourceId = sourceIds.get(email);
            if (owner != null && !owner.equals(sourceId)) {
                pairs.add("source " + accounts.get(0) + " → existing " + owner + " <" + targetAddress.get(owner) + ">");
                context.merge(sourceId, owner);
                context.userAccepted(owner, targetAddress.get(owner));
            }
        });
        if (!pairs.isEmpty() && !context.mergeAccounts()) {
            throw new AccountConflictException(pairs);
        }
    }

    private static long createdAt(Object value) {
        if (value instanceof Number n) {
            return Epochs.normalize(n.longValue(), Epochs.Unit.SECONDS).value();
        }
        try {
            return value == null ? Long.MAX_VALUE : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public List<Insert> map(RowReader row, ImportContext context) {
        String id = row.id();
        String skip = null;
        if (id == null || id.isEmpty()) {
            skip = "no id";
        } else if (id.startsWith(PSEUDO_PREFIX)) {
            skip = "pseudo user of a shared chat (shared-<chat id>), not an account";
        } else if (row.text("email") == null || row.text("email").isBlank()) {
            skip = "no e-mail";
        } else {
            String owner = targetEmails.get(row.text("email").trim().toLowerCase(Locale.ROOT));
            if (owner != null && !owner.equals(id)) {
                context.report().table("user").merged("merged onto the existing account with the same e-mail (--merge-accounts): "
                        + "its chats, files, tags, memories... now belong to " + owner + ", which keeps its password and role", id);
                return List.of();
            }
        }
        if (skip != null) {
            context.report().table("user").skip(skip, id);
            return List.of();
        }
        context.userAccepted(id, row.text("email").trim());
        return List.of(columns.insert(row));
    }

    private static String role(RowReader r) {
        String role = r.text("role");
        if (role != null && ROLES.contains(role)) {
            return role;
        }
        r.repair("role '" + role + "' unknown, set to pending");
        return "pending";
    }

    private static String username(RowReader r) {
        String username = r.text("username");
        if (username != null && username.codePointCount(0, username.length()) > 50) {
            r.repair("username longer than 50 characters, truncated");
            return Text.truncate(username, 50);
        }
        return username;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
