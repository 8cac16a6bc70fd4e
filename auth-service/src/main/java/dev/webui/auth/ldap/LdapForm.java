package dev.webui.auth.ldap;

public record LdapForm(String user, String password) {
}
