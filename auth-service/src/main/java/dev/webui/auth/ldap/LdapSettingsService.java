package dev.webui.auth.ldap;

import dev.webui.auth.account.Inputs;
import dev.webui.auth.config.AuthConfig;
import dev.webui.auth.config.LdapConfig;
import dev.webui.auth.settings.StoredConfigRepository;
import dev.webui.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** The effective LDAP server settings: admin-saved values at {@code ldap.server.*} over the LDAP_* variables. */
@ApplicationScoped
public class LdapSettingsService {
    private static final String P = "ldap.server.";

    private final StoredConfigRepository stored;
    private final LdapConfig env;
    private final AuthConfig auth;

    public LdapSettingsService(StoredConfigRepository stored, LdapConfig env, AuthConfig auth) {
        this.stored = stored;
        this.env = env;
        this.auth = auth;
    }

    public Uni<LdapServer> current() {
        return (auth.enablePersistentConfig() ? stored.load() : Uni.createFrom().item(new JsonObject())).map(this::resolve);
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
        Map<String, Object> values = new HashMap<>();
        values.put(P + "label", form.label());
        values.put(P + "host", form.host());
        values.put(P + "port", form.port());
        values.put(P + "attribute_for_mail", form.attributeForMail());
        values.put(P + "attribute_for_username", form.attributeForUsername());
        values.put(P + "app_dn", form.appDn());
        values.put(P + "app_password", form.appDnPassword());
        values.put(P + "users_dn", form.searchBase());
        values.put(P + "search_filter", form.searchFilters());
        values.put(P + "use_tls", form.useTls() == null ? Boolean.TRUE : form.useTls());
        values.put(P + "ca_cert_file", form.certificatePath());
        values.put(P + "validate_cert", form.validateCert() == null ? Boolean.TRUE : form.validateCert());
        values.put(P + "ciphers", form.ciphers());
        return stored.write(values).chain(this::current);
    }

    private LdapServer resolve(JsonObject data) {
        return new LdapServer(
                text(data, "label", env.serverLabel()),
                text(data, "host", env.serverHost()),
                value(data, "port", Number.class, env.serverPort()).intValue(),
                text(data, "attribute_for_mail", env.attributeForMail()),
                text(data, "attribute_for_username", env.attributeForUsername()),
                text(data, "app_dn", env.appDn().orElse(null)),
                text(data, "app_password", env.appPassword().orElse(null)),
                text(data, "users_dn", env.searchBase().orElse(null)),
                text(data, "search_filter", env.searchFilters().orElse(null)),
                value(data, "use_tls", Boolean.class, env.useTls()),
                text(data, "ca_cert_file", env.caCertFile().orElse(null)),
                value(data, "validate_cert", Boolean.class, env.validateCert()),
                text(data, "ciphers", null));
    }

    private static String text(JsonObject data, String key, String fallback) {
        String value = value(data, key, String.class, null);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static <T> T value(JsonObject data, String key, Class<T> type, T fallback) {
        Object value = StoredConfigRepository.get(data, P + key);
        return type.isInstance(value) ? type.cast(value) : fallback;
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required.");
        }
    }
}
