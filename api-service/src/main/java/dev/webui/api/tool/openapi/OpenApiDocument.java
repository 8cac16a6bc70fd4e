package dev.webui.api.tool.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool server's OpenAPI document (3.0 or 3.1, JSON or YAML) turned into functions. Each
 * operation with an {@code operationId} is one function named after it; its parameters are the
 * operation's path, query and header parameters plus the properties of its JSON request body.
 * Schemas keep their {@code $ref}s resolved against the document's components; a reference
 * outside the document is dropped before parsing (the parser would otherwise fetch it, from the
 * network or the disk), a cycle is cut after a few levels.
 */
public record OpenApiDocument(String title, String description, JsonNode document, List<OpenApiOperation> operations) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_REF_DEPTH = 8;
    private static final int MAX_SCHEMA_NODES = 20_000;

    /** Thrown for a document that is not an OpenAPI 3 document; the message says why. */
    public static class InvalidDocument extends RuntimeException {
        public InvalidDocument(String message) {
            super(message);
        }
    }

    public static OpenApiDocument parse(String text) {
        JsonNode tree = readTree(text);
        if (!tree.isObject() || !tree.path("openapi").isTextual()) {
            throw new InvalidDocument("not an OpenAPI 3 document (no 'openapi' version field)");
        }
        dropOutsideReferences(tree);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(tree.toString(), null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new InvalidDocument("the OpenAPI document could not be read: " + String.join("; ", result.getMessages()));
        }
        ObjectMapper mapper = api.getSpecVersion() == SpecVersion.V31 ? Json31.mapper() : Json.mapper();
        JsonNode components = api.getComponents() == null ? NODES.objectNode() : mapper.valueToTree(api.getComponents());
        List<OpenApiOperation> operations = new ArrayList<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (operation.getOperationId() != null && !operation.getOperationId().isBlank()) {
                    operations.add(new Converter(api, mapper, components).operation(path, item, method, operation));
                }
            }));
        }
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        String description = api.getInfo() == null ? null : api.getInfo().getDescription();
        return new OpenApiDocument(title, description, tree, List.copyOf(operations));
    }

    private static JsonNode readTree(String text) {
        try {
            String trimmed = text.stripLeading();
            return trimmed.startsWith("{") ? Json.mapper().readTree(trimmed) : Yaml.mapper().readTree(text);
        } catch (Exception e) {
            throw new InvalidDocument("the answer is neither JSON nor YAML");
        }
    }

    private static void dropOutsideReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && !(ref.isTextual() && ref.asText().startsWith("#/"))) {
                object.remove("$ref");
            }
            object.elements().forEachRemaining(OpenApiDocument::dropOutsideReferences);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(OpenApiDocument::dropOutsideReferences);
        }
    }

    /** Converts operations of one document; counts the schema nodes it builds to stay bounded. */
    private static final class Converter {
        private final OpenAPI api;
        private final ObjectMapper mapper;
        private final JsonNode components;
        private int budget = MAX_SCHEMA_NODES;

        Converter(OpenAPI api, ObjectMapper mapper, JsonNode components) {
            this.api = api;
            this.mapper = mapper;
            this.components = components;
        }

        OpenApiOperation operation(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
            ObjectNode properties = NODES.objectNode();
            Set<String> required = new LinkedHashSet<>();
            List<OpenApiOperation.Parameter> placed = new ArrayList<>();
            for (Parameter parameter : parameters(item, operation)) {
                String in = parameter.getIn();
                if (parameter.getName() == null || !("path".equals(in) || "query".equals(in) || "header".equals(in))) {
                    continue;
                }
                JsonNode schema = parameter.getSchema() == null ? NODES.objectNode().put("type", "string")
                        : resolve(mapper.valueToTree(parameter.getSchema()), 0);
                ObjectNode property = schema.isObject() ? (ObjectNode) schema : NODES.objectNode();
                if (!property.hasNonNull("description") && parameter.getDescription() != null) {
                    property.put("description", parameter.getDescription());
                }
                properties.set(parameter.getName(), property);
                placed.add(new OpenApiOperation.Parameter(parameter.getName(), in));
                if (Boolean.TRUE.equals(parameter.getRequired()) || "path".equals(in)) {
                    required.add(parameter.getName());
                }
            }
            OpenApiOperation.Body body = OpenApiOperation.Body.NONE;
            JsonNode bodySchema = bodySchema(operation.getRequestBody());
            if (bodySchema != null) {
                if (bodySchema.path("properties").isObject() && bodySchema.path("properties").size() > 0) {
                    body = OpenApiOperation.Body.PROPERTIES;
                    bodySchema.path("properties").fields().forEachRemaining(f -> properties.set(f.getKey(), f.getValue()));
                    bodySchema.path("required").forEach(name -> required.add(name.asText()));
                } else {
                    body = OpenApiOperation.Body.WHOLE;
                    properties.set(OpenApiOperation.WHOLE_BODY_ARGUMENT, bodySchema);
                    if (Boolean.TRUE.equals(requestBody(operation.getRequestBody()).getRequired())) {
                        required.add(OpenApiOperation.WHOLE_BODY_ARGUMENT);
                    }
                }
            }
            ObjectNode function = NODES.objectNode();
            function.put("name", operation.getOperationId());
            function.put("description", firstText(operation.getDescription(), operation.getSummary(), "No description available."));
            ObjectNode parameters = function.putObject("parameters");
            parameters.put("type", "object");
            parameters.set("properties", properties);
            ArrayNode requiredArray = parameters.putArray("required");
            required.stream().filter(properties::has).forEach(requiredArray::add);
            return new OpenApiOperation(operation.getOperationId(), function, method.name(), path, List.copyOf(placed), body);
        }

        /** Path-level parameters, overridden by the operation's own of the same name and place. */
        private List<Parameter> parameters(PathItem item, Operation operation) {
            Map<String, Parameter> byKey = new LinkedHashMap<>();
            for (List<Parameter> list : Arrays.asList(item.getParameters(), operation.getParameters())) {
                if (list == null) {
                    continue;
                }
                for (Parameter parameter : list) {
                    Parameter resolved = parameter.get$ref() == null ? parameter : referencedParameter(parameter.get$ref());
                    if (resolved != null) {
                        byKey.put(resolved.getIn() + ":" + resolved.getName(), resolved);
                    }
                }
            }
            return new ArrayList<>(byKey.values());
        }

        private Parameter referencedParameter(String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return api.getComponents() == null || api.getComponents().getParameters() == null ? null
                    : api.getComponents().getParameters().get(name);
        }

        private RequestBody requestBody(RequestBody body) {
            if (body != null && body.get$ref() != null && api.getComponents() != null && api.getComponents().getRequestBodies() != null) {
                return api.getComponents().getRequestBodies().get(body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1));
            }
            return body;
        }

        /** The resolved JSON schema of the JSON request body, or null when there is none. */
        private JsonNode bodySchema(RequestBody declared) {
            RequestBody body = requestBody(declared);
            if (body == null || body.getContent() == null) {
                return null;
            }
            MediaType media = body.getContent().get("application/json");
            if (media == null) {
                media = body.getContent().entrySet().stream().filter(e -> e.getKey().endsWith("+json"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (media == null || media.getSchema() == null) {
                return null;
            }
            return resolve(mapper.valueToTree(media.getSchema()), 0);
        }

        /** A copy of a schema with local {@code $ref}s replaced by what they point to. */
        private JsonNode resolve(JsonNode schema, int depth) {
            if (--budget < 0) {
                return NODES.objectNode();
            }
            if (schema instanceof ObjectNode object) {
                JsonNode ref = object.get("$ref");
                if (ref != null && ref.isTextual()) {
                    JsonNode target = pointer(ref.asText());
                    return target == null || depth >= MAX_REF_DEPTH ? NODES.objectNode().put("type", "object")
                            : resolve(target, depth + 1);
                }
                ObjectNode copy = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    copy.set(field.getKey(), resolve(field.getValue(), depth));
                }
                return copy;
            }
            if (schema instanceof ArrayNode array) {
                ArrayNode copy = NODES.arrayNode();
                array.forEach(element -> copy.add(resolve(element, depth)));
                return copy;
            }
            return schema;
        }

        /** {@code #/components/schemas/Pet} in the serialized components. */
        private JsonNode pointer(String ref) {
            if (!ref.startsWith("#/components/")) {
                return null;
            }
            JsonNode target = components.at(ref.substring("#/components".length()));
            return target.isMissingNode() ? null : target;
        }
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
