package dev.webui.auth.session;

import dev.webui.auth.settings.AuthSetting;
import dev.webui.auth.settings.AuthSettings;
import dev.webui.common.config.CoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import java.util.Date;
import java.util.Locale;

/**
 * The {@code token} cookie that image URLs and /api/config rely on: HttpOnly, SameSite from
 * WEBUI_AUTH_COOKIE_SAME_SITE, Secure when WEBUI_URL is https or WEBUI_AUTH_COOKIE_SECURE is set,
 * and expiring with the token.
 */
@ApplicationScoped
public class SessionCookies {
    static final String NAME = "token";

    private final CoreConfig config;

    public SessionCookies(CoreConfig config) {
        this.config = config;
    }

    public NewCookie session(String token, Long expiresAt, AuthSettings settings) {
        return session(token, expiresAt, settings, true);
    }

    /**
     * The session cookie; {@code httpOnly = false} only after single sign-on, where the UI must read
     * the token from the cookie (it has no other way to learn it).
     */
    public NewCookie session(String token, Long expiresAt, AuthSettings settings, boolean httpOnly) {
        NewCookie.Builder cookie = base(settings);
        cookie.httpOnly(httpOnly);
        cookie.value(token);
        if (expiresAt != null) {
            cookie.expiry(new Date(expiresAt * 1000));
        }
        return cookie.build();
    }

    /** A cookie that makes the browser drop the session cookie. */
    public NewCookie cleared(AuthSettings settings) {
        return cleared(NAME, settings);
    }

    /** A cookie that makes the browser drop the named cookie (path /). */
    public NewCookie cleared(String name, AuthSettings settings) {
        NewCookie.Builder cookie = new NewCookie.Builder(name);
        cookie.path("/").httpOnly(true).secure(secure(settings)).sameSite(sameSite()).value("").maxAge(0).expiry(new Date(0));
        return cookie.build();
    }

    private NewCookie.Builder base(AuthSettings settings) {
        NewCookie.Builder cookie = new NewCookie.Builder(NAME);
        cookie.path("/").httpOnly(true).secure(secure(settings)).sameSite(sameSite());
        return cookie;
    }

    private boolean secure(AuthSettings settings) {
        return config.webuiAuthCookieSecure()
                || settings.text(AuthSetting.WEBUI_URL).map(url -> url.toLowerCase(Locale.ROOT).startsWith("https://")).orElse(false);
    }

    private NewCookie.SameSite sameSite() {
        return NewCookie.SameSite.valueOf(config.webuiAuthCookieSameSite().toUpperCase(Locale.ROOT));
    }
}
