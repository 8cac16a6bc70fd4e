package dev.webui.api.model;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.api.access.GroupMembership;
import dev.webui.api.json.JsonText;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;

/**
 * The serialised /api/models answer per user, so that a page load costs no assembly, access checks
 * or JSON writing. An answer is reused only while everything it was built from is unchanged: the
 * catalog snapshot (replaced on every refresh, on a local change and after another replica's
 * change announced on Redis), the settings generation (order list, arena models, shared through
 * Redis), the user's role and group ids. Bounded by bytes, not entries.
 */
@ApplicationScoped
public class ModelListCache {
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private record Answer(ModelCatalog.Snapshot snapshot, long settingsGeneration, String role, List<String> groupIds, byte[] json) {
        boolean builtFrom(ModelCatalog.Snapshot current, long generation, AuthenticatedUser user, List<String> currentGroupIds) {
            return snapshot == current && settingsGeneration == generation && Objects.equals(role, user.role())
                    && groupIds.equals(currentGroupIds);
        }
    }

    private final ModelListService models;
    private final ModelCatalog catalog;
    private final SettingsStore settings;
    private final GroupMembership groups;
    private final JsonText json;
    private final Cache<String, Answer> answers = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES).<String, Answer>weigher((user, answer) -> answer.json().length).build();

    public ModelListCache(ModelListService models, ModelCatalog catalog, SettingsStore settings, GroupMembership groups, JsonText json) {
        this.models = models;
        this.catalog = catalog;
        this.settings = settings;
        this.groups = groups;
        this.json = json;
    }

    /** The caller's /api/models as JSON bytes; {@code refresh} asks the providers again and builds anew. */
    public Uni<byte[]> visible(AuthenticatedUser user, boolean refresh) {
        if (refresh) {
            return models.visible(user, true).map(json::bytes);
        }
        byte[] ready = readyNow(user);
        if (ready != null) {
            return Uni.createFrom().item(ready);
        }
        return Uni.combine().all().unis(catalog.snapshot(false), groups.of(user.id())).asTuple().chain(both -> {
            ModelCatalog.Snapshot snapshot = both.getItem1();
            List<String> groupIds = both.getItem2().groupIds();
            long generation = settings.generation();
            Answer cached = answers.getIfPresent(user.id());
            if (cached != null && cached.builtFrom(snapshot, generation, user, groupIds)) {
                return Uni.createFrom().item(cached.json());
            }
            return models.visible(user, false).map(node -> {
                byte[] bytes = json.bytes(node);
                answers.put(user.id(), new Answer(snapshot, generation, user.role(), groupIds, bytes));
                return bytes;
            });
        });
    }

    /** The kept answer when the catalog and the user's groups are at hand and it was built from them; null otherwise. */
    public byte[] readyNow(AuthenticatedUser user) {
        Answer cached = answers.getIfPresent(user.id());
        if (cached == null) {
            return null;
        }
        ModelCatalog.Snapshot snapshot = catalog.ready();
        GroupMembership.Memberships groups = this.groups.cachedNow(user.id());
        return snapshot != null && groups != null && cached.builtFrom(snapshot, settings.generation(), user, groups.groupIds())
                ? cached.json() : null;
    }
}
