package dev.webui.core.permission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Open WebUI's built-in user permissions (DEFAULT_USER_PERMISSIONS): what a user may do when the
 * admin stored no {@code user.permissions} or stored one without some flag. The settings of
 * api-service use {@link #JSON} as the default of {@code user.permissions}.
 */
public final class DefaultPermissions {
    public static final String JSON = """
            {"workspace":{"models":false,"knowledge":false,"prompts":false,"tools":false},
             "sharing":{"public_models":false,"public_knowledge":false,"public_prompts":false,"public_tools":false,"public_notes":false},
             "chat":{"controls":true,"valves":true,"system_prompt":true,"params":true,"file_upload":true,"delete":true,
                     "delete_message":true,"continue_response":true,"regenerate_response":true,"rate_response":true,"edit":true,
                     "share":true,"export":true,"stt":true,"tts":true,"call":true,"multiple_models":true,"temporary":true,
                     "temporary_enforced":false},
             "features":{"direct_tool_servers":false,"web_search":true,"image_generation":true,"code_interpreter":true,"notes":true}}""";

    private static final ObjectNode DEFAULTS = parse();

    private DefaultPermissions() {
    }

    /** A fresh copy the caller may change. */
    public static ObjectNode create() {
        return DEFAULTS.deepCopy();
    }

    private static ObjectNode parse() {
        try {
            return (ObjectNode) new ObjectMapper().readTree(JSON);
        } catch (JsonProcessingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
