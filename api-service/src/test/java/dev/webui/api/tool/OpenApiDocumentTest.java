package dev.webui.api.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.webui.api.tool.openapi.OpenApiDocument;
import dev.webui.api.tool.openapi.OpenApiOperation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OpenAPI documents turned into function definitions (no server needed). */
class OpenApiDocumentTest {
    private static Map<String, OpenApiOperation> operations(String document) {
        return OpenApiDocument.parse(document).operations().stream()
                .collect(Collectors.toMap(OpenApiOperation::name, Function.identity()));
    }

    @Test
    void eachOperationWithAnIdIsAFunctionWithItsParametersAndBody() {
        OpenApiDocument document = OpenApiDocument.parse(FakeToolServer.DOCUMENT);
        assertEquals("Inventory", document.title());
        Map<String, OpenApiOperation> byName = operations(FakeToolServer.DOCUMENT);
        assertEquals(java.util.Set.of("getItem", "createItem", "putBatch", "alwaysFails", "neverAnswers"), byName.keySet());

        OpenApiOperation get = byName.get("getItem");
        JsonNode parameters = get.function().path("parameters");
        assertEquals("object", parameters.path("type").asText());
        assertEquals("Item id", parameters.at("/properties/id/description").asText());
        assertEquals("array", parameters.at("/properties/tags/type").asText());
        assertEquals("string", parameters.at("/properties/X-Trace/type").asText(), "path-level $ref parameter");
        assertEquals(List.of("id"), names(parameters.path("required")));
        assertEquals("One item", get.function().path("description").asText());
        assertEquals("GET", get.method());
        assertEquals(OpenApiOperation.Body.NONE, get.body());

        OpenApiOperation create = byName.get("createItem");
        JsonNode createParameters = create.function().path("parameters");
        assertEquals(OpenApiOperation.Body.PROPERTIES, create.body());
        assertEquals("Adds an item", create.function().path("description").asText());
        assertEquals("integer", createParameters.at("/properties/count/type").asText());
        assertEquals("string", createParameters.at("/properties/owner/properties/email/type").asText(), "nested $ref resolved");
        assertTrue(createParameters.at("/properties/dry_run").isObject());
        assertEquals(List.of("name"), names(createParameters.path("required")));

        OpenApiOperation batch = byName.get("putBatch");
        assertEquals(OpenApiOperation.Body.WHOLE, batch.body());
        assertEquals("array", batch.function().at("/parameters/properties/body/type").asText());
        assertEquals("string", batch.function().at("/parameters/properties/body/items/properties/name/type").asText());
        assertEquals("No description available.", byName.get("alwaysFails").function().path("description").asText());
    }

    @Test
    void yamlCyclesAndOutsideReferencesAreHandled() {
        String yaml = """
                openapi: 3.1.0
                info: {title: Tree}
                paths:
                  /nodes:
                    post:
                      operationId: addNode
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Node'}
                  /secret:
                    post:
                      operationId: readSecret
                      requestBody:
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                file: {$ref: 'file:///etc/passwd'}
                components:
                  schemas:
                    Node:
                      type: object
                      properties:
                        label: {type: string}
                        child: {$ref: '#/components/schemas/Node'}
                """;
        Map<String, OpenApiOperation> byName = operations(yaml);
        JsonNode node = byName.get("addNode").function().at("/parameters/properties");
        assertEquals("string", node.at("/label/type").asText());
        assertEquals("string", node.at("/child/properties/child/properties/label/type").asText(), "a cycle is followed a few levels");
        assertFalse(byName.get("readSecret").function().toString().contains("$ref"));
        assertFalse(byName.get("readSecret").function().toString().contains("root:"), "nothing read from the disk");
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        assertThrows(OpenApiDocument.InvalidDocument.class, () -> OpenApiDocument.parse("<html>hi</html>"));
        assertThrows(OpenApiDocument.InvalidDocument.class, () -> OpenApiDocument.parse("{\"swagger\": \"2.0\"}"));
    }

    private static List<String> names(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
