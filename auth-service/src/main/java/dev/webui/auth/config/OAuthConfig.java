package dev.webui.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Optional;

/** Open WebUI's OpenID Connect variables (the "oidc" provider of /oauth/{provider}/login). */
@ConfigMapping(prefix = "")
public interface OAuthConfig {
    /** OAUTH_CLIENT_ID: this suite's client id at the provider; OIDC is on when it and OPENID_PROVIDER_URL are set. */
    @WithName("OAUTH_CLIENT_ID")
    Optional<String> clientId();

    /** OAUTH_CLIENT_SECRET: the client's secret (client_secret_basic). */
    @WithName("OAUTH_CLIENT_SECRET")
    Optional<String> clientSecret();

    /** OPENID_PROVIDER_URL: the provider's discovery document (…/.well-known/openid-configuration) or its issuer URL. */
    @WithName("OPENID_PROVIDER_URL")
    Optional<String> providerUrl();

    /** OAUTH_PROVIDER_NAME: the name on the sign-in button. */
    @WithName("OAUTH_PROVIDER_NAME")
    @WithDefault("SSO")
    String providerName();

    /** OAUTH_SCOPES: scopes requested at sign-in. */
    @WithName("OAUTH_SCOPES")
    @WithDefault("openid email profile")
    String scopes();

    /** ENABLE_OAUTH_SIGNUP: create accounts for new people on their first OIDC sign-in. */
    @WithName("ENABLE_OAUTH_SIGNUP")
    @WithDefault("false")
    boolean enableSignup();

    /** OAUTH_MERGE_ACCOUNTS_BY_EMAIL: sign in to an existing account with the same e-mail (trusts the provider's e-mail). */
    @WithName("OAUTH_MERGE_ACCOUNTS_BY_EMAIL")
    @WithDefault("false")
    boolean mergeAccountsByEmail();

    /** OAUTH_EMAIL_CLAIM: ID-token claim with the e-mail address. */
    @WithName("OAUTH_EMAIL_CLAIM")
    @WithDefault("email")
    String emailClaim();

    /** OAUTH_USERNAME_CLAIM: ID-token claim with the display name. */
    @WithName("OAUTH_USERNAME_CLAIM")
    @WithDefault("name")
    String usernameClaim();

    /** ENABLE_OAUTH_ROLE_MANAGEMENT: set the role from OAUTH_ROLES_CLAIM on every sign-in. */
    @WithName("ENABLE_OAUTH_ROLE_MANAGEMENT")
    @WithDefault("false")
    boolean enableRoleManagement();

    /** OAUTH_ROLES_CLAIM: claim with the person's roles at the provider. */
    @WithName("OAUTH_ROLES_CLAIM")
    @WithDefault("roles")
    String rolesClaim();

    /** OAUTH_ALLOWED_ROLES: provider roles that may sign in (as user). */
    @WithName("OAUTH_ALLOWED_ROLES")
    @WithDefault("user,admin")
    List<String> allowedRoles();

    /** OAUTH_ADMIN_ROLES: provider roles that make an admin. */
    @WithName("OAUTH_ADMIN_ROLES")
    @WithDefault("admin")
    List<String> adminRoles();

    /** ENABLE_OAUTH_GROUP_MANAGEMENT: make group memberships follow OAUTH_GROUP_CLAIM on every sign-in. */
    @WithName("ENABLE_OAUTH_GROUP_MANAGEMENT")
    @WithDefault("false")
    boolean enableGroupManagement();

    /** OAUTH_GROUP_CLAIM: claim with the names of the person's groups. */
    @WithName("OAUTH_GROUP_CLAIM")
    @WithDefault("groups")
    String groupClaim();
}
