package dev.webui.api.app;

import dev.webui.api.json.JsonText;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GET /api/config as JSON bytes, built once per kind of caller (anonymous, pending, user, admin:
 * nothing else in the answer depends on who asks) and reused while the settings generation, the
 * account count and the upload limits it was built from are unchanged. Every page load asks for it.
 */
@ApplicationScoped
public class ConfigAnswers {
    private record Answer(long settingsGeneration, long userCount, FileLimits.Limits limits, byte[] json) {
        boolean builtFrom(long generation, long count, FileLimits.Limits current) {
            return settingsGeneration == generation && userCount == count && Objects.equals(limits, current);
        }
    }

    private final ConfigViewService view;
    private final SettingsStore settings;
    private final UserCounter users;
    private final FileLimits fileLimits;
    private final JsonText json;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public ConfigAnswers(ConfigViewService view, SettingsStore settings, UserCounter users, FileLimits fileLimits, JsonText json) {
        this.view = view;
        this.settings = settings;
        this.users = users;
        this.fileLimits = fileLimits;
        this.json = json;
    }

    public Uni<byte[]> of(Optional<AuthenticatedUser> caller) {
        String kind = kind(caller);
        byte[] ready = readyNow(kind);
        if (ready != null) {
            return Uni.createFrom().item(ready);
        }
        return settings.reload().chain(() -> Uni.combine().all().unis(users.get(), fileLimits.current()).asTuple()).chain(both -> {
            long generation = settings.generation();
            long count = both.getItem1();
            FileLimits.Limits limits = both.getItem2();
            Answer cached = answers.get(kind);
            if (cached != null && cached.builtFrom(generation, count, limits)) {
                return Uni.createFrom().item(cached.json());
            }
            return view.view(caller).map(node -> {
                byte[] bytes = json.bytes(node);
                answers.put(kind, new Answer(generation, count, limits, bytes));
                return bytes;
            });
        });
    }

    /** The kept answer for this caller when every input it depends on is at hand and unchanged; null when any must be read. */
    public byte[] readyNow(Optional<AuthenticatedUser> caller) {
        return readyNow(kind(caller));
    }

    private static String kind(Optional<AuthenticatedUser> caller) {
        return caller.map(user -> user.isAdmin() ? "admin" : user.isVerified() ? "user" : "pending").orElse("anonymous");
    }

    private byte[] readyNow(String kind) {
        Answer cached = answers.get(kind);
        if (cached == null || !settings.upToDate()) {
            return null;
        }
        Long count = users.cachedNow();
        FileLimits.Limits limits = fileLimits.currentNow();
        return count != null && limits != null && cached.builtFrom(settings.generation(), count, limits) ? cached.json() : null;
    }
}
