package dev.webui.auth.permission;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Open WebUI's built-in USER_PERMISSIONS (docs/contract.md, "Permissions"), used where an admin stored none. */
final class DefaultPermissions {
    private DefaultPermissions() {
    }

    static ObjectNode create() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        flags(root.putObject("workspace"), false, "models", "knowledge", "prompts", "tools");
        flags(root.putObject("sharing"), false, "public_models", "public_knowledge", "public_prompts", "public_tools", "public_notes");
        ObjectNode chat = root.putObject("chat");
        flags(chat, true, "controls", "valves", "system_prompt", "params", "file_upload", "delete", "delete_message",
                "continue_response", "regenerate_response", "rate_response", "edit", "share", "export", "stt", "tts", "call",
                "multiple_models", "temporary");
        chat.put("temporary_enforced", false);
        ObjectNode features = root.putObject("features");
        features.put("direct_tool_servers", false);
        flags(features, true, "web_search", "image_generation", "code_interpreter", "notes");
        return root;
    }

    private static void flags(ObjectNode node, boolean value, String... names) {
        for (String name : names) {
            node.put(name, value);
        }
    }
}
