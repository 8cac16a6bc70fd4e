package dev.webui.auth.ldap;

/**
 * The directory to sign in against, as /auths/admin/config/ldap/server shows it. Stored at Open
 * WebUI's config paths {@code ldap.server.*}; unset values come from the LDAP_* variables.
 */
public record LdapServer(String label, String host, Integer port, String attributeForMail, String attributeForUsername,
                         String appDn, String appDnPassword, String searchBase, String searchFilters, Boolean useTls,
                         String certificatePath, Boolean validateCert, String ciphers) {
}
