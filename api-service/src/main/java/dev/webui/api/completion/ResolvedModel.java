package dev.webui.api.completion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.connection.Connection;

/**
 * Where a model id of /api/models is served: the connection, the id the upstream knows (prefix
 * stripped, preset replaced by its base model) and the preset's params (system prompt included).
 */
public record ResolvedModel(String id, String name, Connection connection, String upstreamId, ObjectNode presetParams) {
}
