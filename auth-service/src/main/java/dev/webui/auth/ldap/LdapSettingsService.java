package dev.webui.auth.ldap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.webui.auth.account.Inputs;
import dev.webui.common.error.ApiException;
import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.Setting;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** The effective LDAP server settings: admin-saved values at {@code ldap.server.*} over the LDAP_* variables. */
@ApplicationScoped
public class LdapSettingsService {
    private final SettingsReader settings;
    private final ObjectMapper mapper;

    public LdapSettingsService(SettingsReader settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    public Uni<LdapServer> current() {
        return settings.reload().map(ignored -> resolve());
    }

    /** Saves a complete server definition; 400 when a required field is empty. */
    public Uni<LdapServer> update(LdapServer form) {
        Inputs.required(form);
        require("label", form.label());
        require("host", form.host());
        require("attribute_for_mail", form.attributeForMail());
        require("attribute_for_username", form.attributeForUsername());
        require("search_base", form.searchBase());
        if (form.port() != null && (form.port() < 1 || form.port() > 65535)) {
            throw ApiException.badRequest("port must be between 1 and 65535.");
        }
        if (form.searchFilters() != null && !form.searchFilters().isBlank()) {
            LdapSignIn.extraFilter(form.searchFilters());
        }
        Map<Setting, JsonNode> values = new HashMap<>();
        values.put(Settings.LDAP_SERVER_LABEL, mapper.valueToTree(form.label()));
        values.put(Settings.LDAP_SERVER_HOST, mapper.valueToTree(form.host()));
        values.put(Settings.LDAP_SERVER_PORT, mapper.valueToTree(form.port()));
        values.put(Settings.LDAP_ATTRIBUTE_FOR_MAIL, mapper.valueToTree(form.attributeForMail()));
        values.put(Settings.LDAP_ATTRIBUTE_FOR_USERNAME, mapper.valueToTree(form.attributeForUsername()));
        values.put(Settings.LDAP_APP_DN, mapper.valueToTree(form.appDn()));
        values.put(Settings.LDAP_APP_PASSWORD, mapper.valueToTree(form.appDnPassword()));
        values.put(Settings.LDAP_SEARCH_BASE, mapper.valueToTree(form.searchBase()));
        values.put(Settings.LDAP_SEARCH_FILTERS, mapper.valueToTree(form.searchFilters()));
        values.put(Settings.LDAP_USE_TLS, mapper.valueToTree(form.useTls() == null ? Boolean.TRUE : form.useTls()));
        values.put(Settings.LDAP_CA_CERT_FILE, mapper.valueToTree(form.certificatePath()));
        values.put(Settings.LDAP_VALIDATE_CERT, mapper.valueToTree(form.validateCert() == null ? Boolean.TRUE : form.validateCert()));
        values.put(Settings.LDAP_CIPHERS, mapper.valueToTree(form.ciphers()));
        return settings.save(values).chain(this::current);
    }

    private LdapServer resolve() {
        return new LdapServer(
                text(Settings.LDAP_SERVER_LABEL),
                text(Settings.LDAP_SERVER_HOST),
                value(Settings.LDAP_SERVER_PORT, JsonNode::isNumber).intValue(),
                text(Settings.LDAP_ATTRIBUTE_FOR_MAIL),
                text(Settings.LDAP_ATTRIBUTE_FOR_USERNAME),
                text(Settings.LDAP_APP_DN),
                text(Settings.LDAP_APP_PASSWORD),
                text(Settings.LDAP_SEARCH_BASE),
                text(Settings.LDAP_SEARCH_FILTERS),
                value(Settings.LDAP_USE_TLS, JsonNode::isBoolean).booleanValue(),
                text(Settings.LDAP_CA_CERT_FILE),
                value(Settings.LDAP_VALIDATE_CERT, JsonNode::isBoolean).booleanValue(),
                text(Settings.LDAP_CIPHERS));
    }

    /** A saved non-blank text, else the environment's (null when unset). */
    private String text(Setting setting) {
        JsonNode value = value(setting, node -> node.isTextual() && !node.asText().isBlank());
        return value.isNull() ? null : value.asText();
    }

    /** The effective value when it has the expected kind (an empty or malformed save counts as unset), else the environment's. */
    private JsonNode value(Setting setting, java.util.function.Predicate<JsonNode> usable) {
        JsonNode value = settings.get(setting);
        return usable.test(value) ? value : settings.environment(setting);
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required.");
        }
    }
}
