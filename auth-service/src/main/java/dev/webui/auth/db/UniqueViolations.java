package dev.webui.auth.db;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL unique-violation errors by the index that raised them. */
public final class UniqueViolations {
    private UniqueViolations() {
    }

    public static boolean of(Throwable failure, String index) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState()) && index.equals(pg.getConstraint());
    }
}
