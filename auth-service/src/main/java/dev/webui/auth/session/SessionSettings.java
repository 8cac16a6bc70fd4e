package dev.webui.auth.session;

import dev.webui.auth.settings.AuthSettings;
import dev.webui.auth.settings.AuthSettingsService;
import dev.webui.common.settings.SettingsDocument;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sign-in settings for session checks, resolved once per settings document instead of on
 * every call: they depend only on the document and the environment, and the document's generation
 * changes whenever this replica adopts a different one (its own writes, announced changes, and
 * re-reads after the document's cache age).
 */
@ApplicationScoped
public class SessionSettings {
    private record Resolved(long generation, AuthSettings settings) {
    }

    private final SettingsDocument document;
    private final AuthSettingsService settings;
    private volatile Resolved resolved;

    public SessionSettings(SettingsDocument document, AuthSettingsService settings) {
        this.document = document;
        this.settings = settings;
    }

    public Uni<AuthSettings> current() {
        return document.current().chain(ignored -> {
            long generation = document.generation();
            Resolved kept = resolved;
            if (kept != null && kept.generation() == generation) {
                return Uni.createFrom().item(kept.settings());
            }
            // resolved from a document at least as new as this generation's, so never older than what it is kept for
            return settings.current().invoke(current -> resolved = new Resolved(generation, current));
        });
    }
}
