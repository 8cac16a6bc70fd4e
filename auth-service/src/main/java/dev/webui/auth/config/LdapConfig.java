package dev.webui.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Open WebUI's LDAP_* variables (ENABLE_LDAP may be overridden by an admin in the config table). */
@ConfigMapping(prefix = "")
public interface LdapConfig {
    /** ENABLE_LDAP: offer LDAP sign-in. */
    @WithName("ENABLE_LDAP")
    @WithDefault("false")
    boolean enableLdap();

    /** LDAP_SERVER_LABEL: name of the directory shown in the UI. */
    @WithName("LDAP_SERVER_LABEL")
    @WithDefault("LDAP Server")
    String serverLabel();

    /** LDAP_SERVER_HOST: directory host name. */
    @WithName("LDAP_SERVER_HOST")
    @WithDefault("localhost")
    String serverHost();

    /** LDAP_SERVER_PORT: directory port (389, or 636 with LDAP_USE_TLS). */
    @WithName("LDAP_SERVER_PORT")
    @WithDefault("389")
    int serverPort();

    /** LDAP_APP_DN: DN of the service account that searches for users (empty: anonymous search). */
    @WithName("LDAP_APP_DN")
    Optional<String> appDn();

    /** LDAP_APP_PASSWORD: password of LDAP_APP_DN. */
    @WithName("LDAP_APP_PASSWORD")
    Optional<String> appPassword();

    /** LDAP_SEARCH_BASE: base DN under which users are searched. */
    @WithName("LDAP_SEARCH_BASE")
    Optional<String> searchBase();

    /** LDAP_ATTRIBUTE_FOR_USERNAME: attribute matched against the name typed at sign-in. */
    @WithName("LDAP_ATTRIBUTE_FOR_USERNAME")
    @WithDefault("uid")
    String attributeForUsername();

    /** LDAP_ATTRIBUTE_FOR_MAIL: attribute holding the user's e-mail address. */
    @WithName("LDAP_ATTRIBUTE_FOR_MAIL")
    @WithDefault("mail")
    String attributeForMail();

    /** LDAP_SEARCH_FILTERS: extra LDAP filter ANDed to the user search, e.g. (memberOf=cn=webui,ou=groups,dc=example,dc=org). */
    @WithName("LDAP_SEARCH_FILTERS")
    Optional<String> searchFilters();

    /** LDAP_USE_TLS: connect with LDAPS (TLS from the first byte). */
    @WithName("LDAP_USE_TLS")
    @WithDefault("true")
    boolean useTls();

    /** LDAP_CA_CERT_FILE: PEM file of the CA that signed the directory's certificate (default: the JVM's trust store). */
    @WithName("LDAP_CA_CERT_FILE")
    Optional<String> caCertFile();

    /** LDAP_VALIDATE_CERT: false accepts any server certificate (testing only). */
    @WithName("LDAP_VALIDATE_CERT")
    @WithDefault("true")
    boolean validateCert();

    /** LDAP_CONNECT_TIMEOUT: seconds to wait for the directory before sign-in fails. */
    @WithName("LDAP_CONNECT_TIMEOUT")
    @WithDefault("10")
    int connectTimeout();
}
