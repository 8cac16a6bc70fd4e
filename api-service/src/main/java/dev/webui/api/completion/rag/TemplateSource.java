package dev.webui.api.completion.rag;

import dev.webui.common.settings.SettingsReader;
import dev.webui.core.settings.DefaultRagTemplate;
import dev.webui.core.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The RAG template in force: the one an admin saved through file-service's /retrieval/config
 * (rag_config, read here because that endpoint is admin-only), else RAG_TEMPLATE, else the
 * built-in one ({@link DefaultRagTemplate}, the same text file-service shows).
 */
@ApplicationScoped
public class TemplateSource {
    private static final Logger LOG = Logger.getLogger(TemplateSource.class);
    private final Pool pool;
    private final SettingsReader settings;

    public TemplateSource(Pool pool, SettingsReader settings) {
        this.pool = pool;
        this.settings = settings;
    }

    public Uni<String> current() {
        String environment = settings.environment(Settings.RAG_TEMPLATE).asText("");
        String fallback = environment.isBlank() ? DefaultRagTemplate.TEXT : environment;
        return pool.query("SELECT data->>'RAG_TEMPLATE' FROM rag_config WHERE id = 1").execute().map(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            String saved = row == null ? null : row.getString(0);
            return saved == null || saved.isBlank() ? fallback : saved;
        }).onFailure().invoke(e -> LOG.warnf(e, "The saved RAG template could not be read"))
                .onFailure().recoverWithItem(fallback);
    }
}
