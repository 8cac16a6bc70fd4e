package dev.webui.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsRegistryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everySettingHasItsOwnPathAndEnvironmentName() {
        Set<String> paths = new HashSet<>();
        Set<String> envs = new HashSet<>();
        for (Setting setting : Settings.ALL) {
            assertTrue(paths.add(setting.path()), "path declared twice: " + setting.path());
            assertTrue(envs.add(setting.env()), "environment name declared twice: " + setting.env());
            assertFalse(setting.readers().isEmpty(), setting.env() + " names no service that reads it");
        }
        assertTrue(Settings.ALL.size() > 100, "the registry holds every declared setting");
    }

    @Test
    void noSettingLivesInsideAnother() {
        for (Setting outer : Settings.ALL) {
            for (Setting inner : Settings.ALL) {
                assertFalse(inner.path().startsWith(outer.path() + "."), inner.path() + " is inside " + outer.path());
            }
        }
    }

    @Test
    void everyDefaultHasItsSettingsType() {
        for (Setting setting : Settings.ALL) {
            JsonNode value = setting.defaultValue();
            boolean fits = switch (setting.type()) {
                case BOOL -> value.isBoolean();
                // null: Open WebUI's None, until an admin or the environment gives a text
                case TEXT, OPTIONAL_TEXT -> value.isTextual() || value.isNull();
                case INT -> value.isIntegralNumber() || value.isNull();
                case NUMBER -> value.isNumber() || value.isNull();
                case COMMA_LIST, SEMICOLON_LIST -> value.isArray();
                case JSON -> value.isContainerNode() || value.isNull();
            };
            assertTrue(fits, setting.env() + " default " + value + " is not a " + setting.type());
        }
    }

    @Test
    void environmentTextParsesToItsType() {
        assertEquals(MAPPER.valueToTree(true), SettingType.BOOL.parse(" True ", MAPPER));
        assertEquals(MAPPER.valueToTree(false), SettingType.BOOL.parse("yes", MAPPER));
        assertEquals(MAPPER.valueToTree(60L), SettingType.INT.parse("60", MAPPER));
        assertTrue(SettingType.INT.parse("", MAPPER).isNull());
        assertThrows(IllegalArgumentException.class, () -> SettingType.INT.parse("sixty", MAPPER));
        assertThrows(IllegalArgumentException.class, () -> SettingType.JSON.parse("{not json", MAPPER));
        assertEquals(List.of("a", "", "c"), MAPPER.convertValue(SettingType.SEMICOLON_LIST.parse("a;;c", MAPPER), List.class));
        assertEquals(List.of("audio/wav", "audio/mp3"), MAPPER.convertValue(SettingType.COMMA_LIST.parse("audio/wav, ,audio/mp3", MAPPER), List.class));
        assertTrue(SettingType.OPTIONAL_TEXT.parse("", MAPPER).isNull());
    }

    @Test
    void savedValueWinsOverEnvironmentWhichWinsOverDefault() throws Exception {
        Setting signup = Settings.ENABLE_SIGNUP;
        ObjectNode empty = MAPPER.createObjectNode();
        ObjectNode saved = (ObjectNode) MAPPER.readTree("{\"ui\":{\"enable_signup\":true}}");
        JsonNode env = SettingType.BOOL.parse("false", MAPPER);

        EffectiveSetting byDefault = Precedence.resolve(signup, null, empty, SettingSource.DATABASE);
        assertEquals(SettingSource.DEFAULT, byDefault.source());
        assertTrue(byDefault.value().booleanValue());

        EffectiveSetting byEnvironment = Precedence.resolve(signup, env, empty, SettingSource.DATABASE);
        assertEquals(SettingSource.ENV, byEnvironment.source());
        assertFalse(byEnvironment.value().booleanValue());

        EffectiveSetting bySave = Precedence.resolve(signup, env, saved, SettingSource.DATABASE);
        assertEquals(SettingSource.DATABASE, bySave.source());
        assertTrue(bySave.value().booleanValue());
        assertEquals("ENABLE_SIGNUP", bySave.env());
    }

    @Test
    void aSavedNullIsAChoiceAndASavedObjectKeepsTheOtherDefaults() throws Exception {
        ObjectNode saved = (ObjectNode) MAPPER.readTree(
                "{\"file\":{\"image_compression_width\":null},\"user\":{\"permissions\":{\"chat\":{\"delete\":false}}}}");
        EffectiveSetting width = Precedence.resolve(Settings.IMAGE_COMPRESSION_WIDTH, SettingType.INT.parse("800", MAPPER), saved,
                SettingSource.RUNTIME);
        assertEquals(SettingSource.RUNTIME, width.source());
        assertTrue(width.value().isNull());

        JsonNode permissions = Precedence.resolve(Settings.USER_PERMISSIONS, null, saved, SettingSource.DATABASE).value();
        assertFalse(permissions.path("chat").path("delete").booleanValue());
        assertTrue(permissions.path("chat").path("edit").booleanValue(), "a default the save did not mention stays");
    }

    @Test
    void resolvingNeverHandsOutTheRegistrysOwnDefault() {
        JsonNode value = Precedence.resolve(Settings.USER_PERMISSIONS, null, MAPPER.createObjectNode(), SettingSource.DATABASE).value();
        ((ObjectNode) value).putObject("workspace").put("models", true);
        assertFalse(Settings.USER_PERMISSIONS.defaultValue().path("workspace").path("models").booleanValue());
        assertNull(DocumentPaths.get(MAPPER.createObjectNode(), Settings.USER_PERMISSIONS.path()));
    }

    @Test
    void theRagTemplateIsOpenWebuisBuiltInOne() {
        String template = Settings.RAG_TEMPLATE.defaultValue().textValue();
        assertEquals(DefaultRagTemplate.TEXT, template);
        assertTrue(template.startsWith("### Task:\nRespond to the user query using the provided context, incorporating inline citations"));
        assertTrue(template.contains("### Guidelines:\n- If you don't know the answer, clearly state that.\n"));
        assertTrue(template.endsWith("<context>\n{{CONTEXT}}\n</context>\n\n<user_query>\n{{QUERY}}\n</user_query>\n"));
        assertEquals(Set.of(ReadBy.API, ReadBy.FILES), Settings.RAG_TEMPLATE.readers());
    }
}
