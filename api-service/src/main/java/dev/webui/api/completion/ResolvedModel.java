package dev.webui.api.completion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;

/**
 * Where a model id of /api/models is served: the connection, the id the upstream knows (prefix
 * stripped, preset replaced by its base model), the preset's params (system prompt included) and
 * meta (attached knowledge). For an arena model, {@code id} and {@code name} are the arena's and
 * {@code selectedModelId} names the candidate that answers (everything else is that candidate's);
 * otherwise it is null.
 */
public record ResolvedModel(String id, String name, Connection connection, String upstreamId, ObjectNode presetParams,
                            ObjectNode presetMeta, String selectedModelId) {
    public boolean arena() {
        return selectedModelId != null;
    }
}
