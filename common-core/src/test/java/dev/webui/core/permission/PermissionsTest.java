package dev.webui.core.permission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void withoutStoredDefaultsTheBuiltInOnesApply() {
        JsonNode p = Permissions.effective(null, List.of());
        assertEquals(DefaultPermissions.create(), p);
        assertFalse(Permissions.allows(p, "workspace", "models"));
        assertTrue(Permissions.allows(p, "chat", "delete"));
        assertTrue(Permissions.allows(p, "features", "notes"));
        assertFalse(Permissions.allows(p, "chat", "temporary_enforced"));
    }

    @Test
    void storedDefaultsOverrideAndMissingFlagsComeFromTheBuiltInOnes() throws Exception {
        JsonNode p = Permissions.defaults(json("{\"chat\": {\"delete\": false}, \"workspace\": {\"models\": true}}"));
        assertFalse(Permissions.allows(p, "chat", "delete"));
        assertTrue(Permissions.allows(p, "workspace", "models"));
        assertTrue(Permissions.allows(p, "features", "notes"), "a flag the stored document lacks keeps its built-in value");
        assertTrue(Permissions.allows(p, "chat", "edit"));
    }

    @Test
    void anyGroupGrantingAFlagWinsAndNoGroupTakesOneAway() throws Exception {
        JsonNode stored = json("{\"chat\": {\"delete\": false}}");
        JsonNode p = Permissions.effective(stored, List.of(
                json("{\"chat\": {\"delete\": true, \"edit\": false}, \"workspace\": {\"models\": false}}"),
                json("{\"workspace\": {\"models\": true}, \"features\": {\"notes\": false}}"),
                json("{\"workspace\": {\"models\": false}}")));
        assertTrue(Permissions.allows(p, "chat", "delete"), "granted by the first group");
        assertTrue(Permissions.allows(p, "chat", "edit"), "a group's false does not revoke the default");
        assertTrue(Permissions.allows(p, "workspace", "models"), "granted by the second group, kept after the third");
        assertTrue(Permissions.allows(p, "features", "notes"));
    }

    @Test
    void groupsMayAddFlagsTheDefaultsDoNotKnow() throws Exception {
        JsonNode p = Permissions.effective(null, List.of(json("{\"new_section\": {\"flag\": true, \"off\": false}}")));
        assertTrue(Permissions.allows(p, "new_section", "flag"));
        assertTrue(p.path("new_section").has("off"));
        assertFalse(Permissions.allows(p, "new_section", "off"));
    }

    @Test
    void malformedValuesAreIgnored() throws Exception {
        JsonNode p = Permissions.effective(json("{\"chat\": \"none\", \"workspace\": {\"models\": \"yes\"}}"),
                List.of(json("{\"features\": {\"notes\": \"false\"}, \"sharing\": 1}"), json("[true]")));
        assertTrue(Permissions.allows(p, "chat", "delete"), "a non-object section keeps the defaults");
        assertFalse(Permissions.allows(p, "workspace", "models"), "a non-boolean flag is not a grant");
        assertTrue(Permissions.allows(p, "features", "notes"));
        assertFalse(Permissions.allows(p, "sharing", "public_models"));
        assertFalse(Permissions.allows(p, "missing", "flag"));
    }

    @Test
    void theBuiltInDefaultsAreNotChangedByAMerge() throws Exception {
        Permissions.effective(null, List.of(json("{\"workspace\": {\"models\": true}}")));
        assertFalse(Permissions.allows(DefaultPermissions.create(), "workspace", "models"));
    }
}
