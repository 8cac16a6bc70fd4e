package dev.webui.api.completion.rag;

import dev.webui.api.settings.SettingsStore;
import dev.webui.core.settings.DefaultRagTemplate;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The RAG template in force ({@link Settings#RAG_TEMPLATE}, which file-service's /retrieval/config
 * saves): the admin's, else RAG_TEMPLATE, else the built-in one ({@link DefaultRagTemplate}). A
 * blank template counts as none, as in Open WebUI.
 */
@ApplicationScoped
public class TemplateSource {
    private static final Logger LOG = Logger.getLogger(TemplateSource.class);
    private final SettingsStore settings;

    public TemplateSource(SettingsStore settings) {
        this.settings = settings;
    }

    public Uni<String> current() {
        return settings.reload().map(ignored -> template())
                .onFailure().invoke(e -> LOG.warnf(e, "The saved RAG template could not be read"))
                .onFailure().recoverWithItem(this::template);
    }

    private String template() {
        String saved = settings.text(Settings.RAG_TEMPLATE);
        if (saved != null && !saved.isBlank()) {
            return saved;
        }
        String environment = settings.environment(Settings.RAG_TEMPLATE).asText("");
        return environment.isBlank() ? DefaultRagTemplate.TEXT : environment;
    }
}
