package dev.webui.common.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyPolicyTest {
    @Test
    void savedAdminValuesWinOverTheEnvironment() {
        ApiKeyPolicy.Rules defaults = new ApiKeyPolicy.Rules(true, false, List.of("/a"));
        JsonNodeFactory json = JsonNodeFactory.instance;
        ApiKeyPolicy.Rules merged = ApiKeyPolicy.merge(defaults, json.booleanNode(false), json.booleanNode(true),
                json.textNode(" /api/models, ,/x "));
        assertFalse(merged.enabled());
        assertTrue(merged.restricted());
        assertEquals(List.of("/api/models", "/x"), merged.allowedEndpoints());
        assertEquals(defaults, ApiKeyPolicy.merge(defaults, json.textNode("yes"), json.nullNode(), json.numberNode(3)));
    }

    @Test
    void allowedEndpointsCoverThemselvesAndTheirSubPaths() {
        List<String> allowed = List.of("/api/models", " /api/chat/completions/ ");
        assertTrue(ApiKeyPolicy.allowed("/api/models", allowed));
        assertTrue(ApiKeyPolicy.allowed("/api/models/base", allowed));
        assertTrue(ApiKeyPolicy.allowed("/api/chat/completions", allowed));
        assertFalse(ApiKeyPolicy.allowed("/api/modelsx", allowed));
        assertFalse(ApiKeyPolicy.allowed("/api/v1/chats/", allowed));
        assertFalse(ApiKeyPolicy.allowed("/api/models", List.of("")));
    }
}
