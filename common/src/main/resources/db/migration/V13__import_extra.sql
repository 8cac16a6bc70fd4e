-- Data of an imported Open WebUI database that has no column in this schema (newer releases'
-- tables and columns, 0.1.x modelfiles and documents, unknown tables of forks): kept, never
-- dropped, so a later release can map it. Written only by the importer.
CREATE TABLE import_extra (
    -- the Open WebUI table it came from
    source_table text  NOT NULL,
    -- the row's id there (or its key, or its position for tables without either)
    source_id    text  NOT NULL,
    -- the whole row for tables without a home here; for imported rows, only their columns without one
    data         jsonb NOT NULL,
    PRIMARY KEY (source_table, source_id)
);
