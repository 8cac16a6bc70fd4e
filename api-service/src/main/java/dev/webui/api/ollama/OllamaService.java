package dev.webui.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.webui.api.access.AccessChecker;
import dev.webui.api.connection.Connection;
import dev.webui.api.json.Bodies;
import dev.webui.api.model.ModelCatalog;
import dev.webui.api.model.ModelPreset;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The JSON routes of /ollama: lists, version, show, copy, delete, unload and embeddings. */
@ApplicationScoped
public class OllamaService {
    private final OllamaSettings settings;
    private final OllamaClient client;
    private final OllamaRouter router;
    private final ModelCatalog catalog;
    private final AccessChecker access;

    public OllamaService(OllamaSettings settings, OllamaClient client, OllamaRouter router, ModelCatalog catalog,
                         AccessChecker access) {
        this.settings = settings;
        this.client = client;
        this.router = router;
        this.catalog = catalog;
        this.access = access;
    }

    static <T> Uni<T> uni(Supplier<Future<T>> call) {
        return Uni.createFrom().deferred(() -> Uni.createFrom().completionStage(call.get().toCompletionStage()));
    }

    /** GET {url}/api/version with the form's key: what the admin's "verify" button shows. */
    public Uni<JsonNode> verify(JsonNode body) {
        String url = Bodies.requiredText(body, "url").trim();
        String key = Bodies.textOrNull(body, "key");
        Connection probe = new Connection(-1, dev.webui.api.connection.OpenAiSettings.stripSlash(url), key == null ? "" : key,
                JsonNodeFactory.instance.objectNode());
        return uni(() -> client.get(probe, "/api/version"));
    }

    /** The lowest version among the enabled servers, or one server's; {@code false} when Ollama is off. */
    public Uni<JsonNode> version(Integer urlIdx) {
        if (!settings.enabled()) {
            return Uni.createFrom().item(JsonNodeFactory.instance.objectNode().put("version", false));
        }
        if (urlIdx != null) {
            Connection connection = settings.connection(urlIdx);
            return uni(() -> client.get(connection, "/api/version"));
        }
        List<Uni<Optional<String>>> calls = enabled().stream().map(c -> uni(() -> client.get(c, "/api/version"))
                .map(v -> Optional.ofNullable(v.path("version").textValue()))
                .onFailure().recoverWithItem(Optional.empty())).toList();
        if (calls.isEmpty()) {
            return Uni.createFrom().failure(new ApiException(502, "WebUI could not connect to Ollama"));
        }
        return Uni.join().all(calls).andFailFast().map(versions -> {
            String lowest = versions.stream().flatMap(Optional::stream).min(Comparator.comparing(OllamaService::versionKey, OllamaService::compareVersions))
                    .orElseThrow(() -> new ApiException(502, "WebUI could not connect to Ollama"));
            return JsonNodeFactory.instance.objectNode().put("version", lowest);
        });
    }

    /** The merged list (cached with /api/models) or one server's; plain users see only models they may read. */
    public Uni<ObjectNode> tags(AuthenticatedUser user, Integer urlIdx) {
        Uni<ObjectNode> list;
        if (urlIdx == null) {
            list = catalog.snapshot(false).map(snapshot -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                ArrayNode models = node.putArray("models");
                snapshot.base().stream().filter(OllamaModels::isOllama).forEach(e -> models.add(e.get("ollama").deepCopy()));
                return node;
            });
        } else {
            Connection connection = settings.connection(urlIdx);
            list = uni(() -> client.get(connection, "/api/tags")).map(body -> body instanceof ObjectNode o ? o
                    : JsonNodeFactory.instance.objectNode());
        }
        return list.chain(node -> readable(user, node.path("models"), m -> m.path("model").asText()).map(models -> {
            node.set("models", models);
            return node;
        }));
    }

    /** Loaded models of every enabled server, merged by name with their servers' indexes. */
    public Uni<ObjectNode> ps() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode merged = node.putArray("models");
        if (!settings.enabled()) {
            return Uni.createFrom().item(node);
        }
        List<Uni<List<ObjectNode>>> calls = enabled().stream().map(c -> uni(() -> client.get(c, "/api/ps")).map(body -> {
            List<ObjectNode> models = new ArrayList<>();
            body.path("models").forEach(m -> {
                if (m instanceof ObjectNode o && o.path("model").isTextual()) {
                    if (c.prefixId() != null) {
                        o.put("model", c.prefixId() + "." + o.get("model").textValue());
                    }
                    o.putArray("urls").add(c.index());
                    models.add(o);
                }
            });
            return models;
        }).onFailure().recoverWithItem(List.<ObjectNode>of())).toList();
        if (calls.isEmpty()) {
            return Uni.createFrom().item(node);
        }
        return Uni.join().all(calls).andFailFast().map(lists -> {
            Map<String, ObjectNode> byName = new java.util.LinkedHashMap<>();
            lists.forEach(list -> list.forEach(m -> {
                ObjectNode known = byName.putIfAbsent(m.get("model").textValue(), m);
                if (known != null) {
                    ((ArrayNode) known.get("urls")).add(m.get("urls").get(0));
                }
            }));
            byName.values().forEach(merged::add);
            return node;
        });
    }

    /** Unloads the model from every server that lists it (a generate with keep_alive 0). */
    public Uni<JsonNode> unload(JsonNode body) {
        String name = modelName(body);
        if (name == null) {
            throw ApiException.badRequest("Missing name of the model to unload.");
        }
        return router.entry(name).chain(found -> {
            ObjectNode entry = found.orElseThrow(() -> OllamaRouter.notFound(name));
            List<Uni<String>> calls = router.all(entry).stream().map(target -> uni(() -> client.call(target.connection(),
                            HttpMethod.POST, "/api/generate", JsonNodeFactory.instance.objectNode().put("model", target.model())
                                    .put("keep_alive", 0).put("prompt", "").put("stream", false)))
                    .map(ok -> (String) null)
                    .onFailure().recoverWithItem(e -> "server " + target.connection().index() + ": " + e.getMessage())).toList();
            return Uni.join().all(calls).andFailFast().map(results -> {
                List<String> errors = results.stream().filter(java.util.Objects::nonNull).toList();
                if (!errors.isEmpty()) {
                    throw new ApiException(502, "Failed to unload the model on " + errors.size() + " server(s): "
                            + String.join("; ", errors));
                }
                return (JsonNode) JsonNodeFactory.instance.objectNode().put("status", true);
            }).call(catalog::changed); // the model no longer shows as loaded
        });
    }

    /** Copy and delete: on the given server or the first one listing the model; answer {@code true}. */
    public Uni<Boolean> manage(HttpMethod method, String path, JsonNode body, String model, Integer urlIdx) {
        Uni<Connection> connection = urlIdx != null ? Uni.createFrom().item(settings.connection(urlIdx))
                : router.entry(model).map(found -> {
                    ObjectNode entry = found.filter(e -> e.path("id").asText().equals(model))
                            .orElseThrow(() -> OllamaRouter.notFound(model));
                    return router.all(entry).stream().findFirst().orElseThrow(() -> OllamaRouter.notFound(model)).connection();
                });
        return connection.chain(c -> uni(() -> client.call(c, method, path, body))).chain(ok -> catalog.changed()).replaceWith(true);
    }

    /** /api/show, /api/embed and /api/embeddings: the model's server (by turn), the prefix removed. */
    public Uni<JsonNode> forward(AuthenticatedUser user, String path, JsonNode body, Integer urlIdx, boolean checkAccess) {
        if (!(Bodies.require(body) instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object");
        }
        ObjectNode payload = object.deepCopy();
        String model = modelName(payload);
        Uni<String> allowed = checkAccess ? router.authorize(user, model).map(OllamaRouter.Allowed::model) : Uni.createFrom().item(model);
        return allowed.chain(name -> router.route(name, urlIdx)).chain(target -> {
            payload.put("model", target.model());
            payload.remove("name");
            return uni(() -> client.call(target.connection(), HttpMethod.POST, path, payload));
        });
    }

    /** The merged list in OpenAI's shape, or one server's. */
    public Uni<ObjectNode> openAiModels(AuthenticatedUser user, Integer urlIdx) {
        return tags(user, urlIdx).map(tags -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ArrayNode data = node.putArray("data");
            long now = Instant.now().getEpochSecond();
            tags.path("models").forEach(m -> data.addObject().put("id", m.path("model").asText()).put("object", "model")
                    .put("created", now).put("owned_by", "openai"));
            node.put("object", "list");
            return node;
        });
    }

    static String modelName(JsonNode body) {
        String model = body == null ? null : body.path("model").textValue();
        if (model == null || model.isBlank()) {
            model = body == null ? null : body.path("name").textValue();
        }
        return model == null || model.isBlank() ? null : model;
    }

    private Uni<ArrayNode> readable(AuthenticatedUser user, JsonNode models, Function<JsonNode, String> id) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        models.forEach(all::add);
        if (user.isAdmin()) {
            return Uni.createFrom().item(all);
        }
        return Uni.combine().all().unis(catalog.snapshot(false), access.rights(user)).asTuple().map(both -> {
            Map<String, ModelPreset> presets = both.getItem1().presets().stream()
                    .collect(Collectors.toMap(ModelPreset::id, p -> p, (a, b) -> a));
            ArrayNode visible = JsonNodeFactory.instance.arrayNode();
            all.forEach(m -> {
                ModelPreset preset = presets.get(id.apply(m));
                if (preset != null && both.getItem2().canRead(preset.userId(), preset.accessControl())) {
                    visible.add(m);
                }
            });
            return visible;
        });
    }

    private List<Connection> enabled() {
        return settings.connections().stream().filter(c -> c.enabled() && !c.baseUrl().isBlank()).toList();
    }

    private static List<Integer> versionKey(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String part : version.replaceAll("^v|-.*$", "").split("\\.")) {
            try {
                parts.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                parts.add(0);
            }
        }
        return parts;
    }

    private static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int diff = Integer.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }
}
