-- The importer's automatic mode (`importer.jar on-start`, docs/importer.md) records here that it
-- imported an Open WebUI database, so that it runs once per database. Replicas starting together
-- serialise on a PostgreSQL advisory lock and read this row under it.
CREATE TABLE import_run (
    -- 'on-start': one automatic import per database
    id          text   PRIMARY KEY,
    -- the webui.db that was imported, as the importer saw its path
    source      text   NOT NULL,
    started_at  bigint NOT NULL,
    -- NULL while running and after a crash: the next start resumes (the import is idempotent)
    finished_at bigint,
    -- the printed report of the finished run
    report      text
);
