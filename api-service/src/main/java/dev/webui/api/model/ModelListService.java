package dev.webui.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.json.JsonText;
import dev.webui.core.settings.Settings;
import dev.webui.api.settings.SettingsStore;
import dev.webui.common.auth.AuthenticatedUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * /api/models for one caller: admins (with BYPASS_ADMIN_ACCESS_CONTROL) see everything; others
 * only models with a preset row they may read, and arena models their access control grants. A preset's system prompt is shown only to those
 * who may edit the preset.
 */
@ApplicationScoped
public class ModelListService {
    private final ModelCatalog catalog;
    private final SettingsStore settings;
    private final AccessChecker access;
    private final JsonText json;

    public ModelListService(ModelCatalog catalog, SettingsStore settings, AccessChecker access, JsonText json) {
        this.catalog = catalog;
        this.settings = settings;
        this.access = access;
        this.json = json;
    }

    public Uni<ObjectNode> visible(AuthenticatedUser user, boolean refresh) {
        return catalog.snapshot(refresh).chain(snapshot -> access.rights(user).map(rights -> {
            List<String> order = new ArrayList<>();
            settings.get(Settings.MODEL_ORDER_LIST).forEach(id -> order.add(id.asText()));
            boolean seesAll = rights.caller().bypass();
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            for (ModelAssembly.Assembled item : ModelAssembly.assemble(snapshot.base(), snapshot.presets(),
                    ArenaModels.entries(settings), order)) {
                ModelPreset preset = item.preset();
                if (preset == null && "filter".equals(item.entry().path("openai").path("pipeline").path("type").asText())) {
                    continue; // a pipeline filter runs around completions, it is not a model to chat with
                }
                boolean arena = preset == null && item.entry().path("arena").asBoolean(false);
                if (!seesAll && arena) {
                    if (!rights.canRead(null, ArenaModels.accessControl(item.entry()))) {
                        continue;
                    }
                } else if (!seesAll && (preset == null || !rights.canRead(preset.userId(), preset.accessControl()))) {
                    continue;
                }
                ObjectNode entry = item.entry();
                if (preset != null) {
                    boolean editor = rights.canWrite(preset.userId(), preset.accessControl());
                    entry.set("info", info(preset, editor));
                }
                data.add(entry);
            }
            return wrap(data);
        }));
    }

    /** Raw connection models without presets (admin settings of models). */
    public Uni<ObjectNode> base(boolean refresh) {
        return catalog.snapshot(refresh).map(snapshot -> {
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            snapshot.base().forEach(data::add);
            return wrap(data);
        });
    }

    private ObjectNode info(ModelPreset preset, boolean editor) {
        ObjectNode info = (ObjectNode) json.valueToTree(preset.withoutUser());
        if (!editor && info.get("params") instanceof ObjectNode params) {
            params.remove("system");
        }
        return info;
    }

    private static ObjectNode wrap(ArrayNode data) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("data", data);
        return node;
    }

}
