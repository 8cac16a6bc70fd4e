package dev.webui.api.note;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.access.PermissionService;
import dev.webui.api.json.Bodies;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import dev.webui.common.events.EmitRequest;
import dev.webui.common.events.EventPublisher;
import dev.webui.core.json.JsonSanitizer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Notes: enabled by ENABLE_NOTES, usable with the features.notes permission, shared by access_control. */
@ApplicationScoped
public class NoteService {
    static final String NOT_FOUND = "Note not found";
    static final int PAGE_SIZE = 60;

    private final NoteRepository notes;
    private final AccessChecker access;
    private final PermissionService permissions;
    private final SettingsStore settings;
    private final EventPublisher events;

    public NoteService(NoteRepository notes, AccessChecker access, PermissionService permissions, SettingsStore settings,
                       EventPublisher events) {
        this.events = events;
        this.notes = notes;
        this.access = access;
        this.permissions = permissions;
        this.settings = settings;
    }

    private Uni<Void> allowed(AuthenticatedUser user) {
        if (!settings.bool(Settings.ENABLE_NOTES)) {
            return Uni.createFrom().failure(ApiException.forbidden("Notes are disabled on this server"));
        }
        return permissions.require(user, "features", "notes");
    }

    public Uni<List<Note>> readable(AuthenticatedUser user) {
        return allowed(user).chain(() -> access.rights(user)).chain(rights -> notes.readable(user.id(), rights.caller().bypass()));
    }

    public Uni<List<Note>> page(AuthenticatedUser user, int page) {
        return readable(user).map(list -> list.stream().skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE).map(Note::withoutUser).toList());
    }

    public Uni<Note> get(AuthenticatedUser user, String id) {
        return allowed(user).chain(() -> notes.find(id))
                .chain(n -> access.requireRead(user, n, Note::userId, Note::accessControl, NOT_FOUND)).map(Note::withoutUser);
    }

    public Uni<Note> create(AuthenticatedUser user, JsonNode body) {
        long now = nanos();
        Note note = fromBody(body, UUID.randomUUID().toString(), user.id(), now, now);
        return allowed(user).chain(() -> shareable(user, note)).chain(shared -> notes.save(shared).replaceWith(shared));
    }

    public Uni<Note> update(AuthenticatedUser user, String id, JsonNode body) {
        return allowed(user).chain(() -> notes.find(id))
                .chain(n -> access.requireWrite(user, n, Note::userId, Note::accessControl, NOT_FOUND))
                .chain(existing -> shareable(user, fromBody(body, id, existing.userId(), existing.createdAt(), nanos())))
                .chain(updated -> notes.save(updated)
                        .chain(() -> events.emit(new EmitRequest("note-events", updated, EmitRequest.Target.room("note:" + id))))
                        .replaceWith(updated));
    }

    /**
     * Shallow-merges {@code content} (what a collaborative editor rendered) into the note's data
     * when the user may write it; otherwise nothing happens.
     */
    public Uni<Void> saveContent(AuthenticatedUser user, String id, JsonNode content) {
        if (!settings.bool(Settings.ENABLE_NOTES)) {
            return Uni.createFrom().voidItem();
        }
        return notes.find(id).chain(n -> n == null ? Uni.createFrom().voidItem() : access.rightsOnOne(user).chain(rights -> {
            if (!rights.canWrite(n.userId(), n.accessControl())) {
                return Uni.createFrom().voidItem();
            }
            return notes.mergeData(id, JsonSanitizer.clean(content.deepCopy()), nanos());
        }));
    }

    public Uni<Boolean> delete(AuthenticatedUser user, String id) {
        return allowed(user).chain(() -> notes.find(id))
                .chain(n -> access.requireWrite(user, n, Note::userId, Note::accessControl, NOT_FOUND))
                .chain(n -> notes.delete(id)).replaceWith(true);
    }

    private Uni<Note> shareable(AuthenticatedUser user, Note note) {
        return permissions.shareable(user, "public_notes", note.accessControl()).map(note::withAccessControl);
    }

    private static Note fromBody(JsonNode body, String id, String owner, long created, long updated) {
        Bodies.require(body);
        JsonNode acl = Bodies.accessControl(body);
        JsonNode data = Bodies.storedObjectOrNull(body, "data");
        JsonNode meta = Bodies.storedObjectOrNull(body, "meta");
        return new Note(id, owner, Bodies.requiredText(body, "title"), data, meta, acl, created, updated, null);
    }

    /** Notes carry nanosecond timestamps. */
    static long nanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
