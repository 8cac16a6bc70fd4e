package dev.webui.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How auth-service reaches the LDAP directory (the server itself is a setting: ldap.server.* in the settings registry). */
@ConfigMapping(prefix = "")
public interface LdapConfig {
    /** LDAP_CONNECT_TIMEOUT: seconds to wait for the directory before sign-in fails. */
    @WithName("LDAP_CONNECT_TIMEOUT")
    @WithDefault("10")
    int connectTimeout();
}
