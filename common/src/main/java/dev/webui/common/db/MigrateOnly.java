package dev.webui.common.db;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * WEBUI_MIGRATE_ONLY=true: exit right after {@link SchemaMigrator} has brought the schema up to date.
 * Used by `docker-manage.sh migrate` and the Kubernetes migration Job, so that the schema is in place
 * before any replica rolls out.
 */
@ApplicationScoped
public class MigrateOnly {
    private static final Logger LOG = Logger.getLogger(MigrateOnly.class);

    void exitAfterMigration(@Observes @Priority(3) StartupEvent event,
                            @ConfigProperty(name = "WEBUI_MIGRATE_ONLY", defaultValue = "false") boolean migrateOnly) {
        if (migrateOnly) {
            LOG.info("WEBUI_MIGRATE_ONLY is set: the schema is up to date, exiting");
            Quarkus.asyncExit(0);
        }
    }
}
