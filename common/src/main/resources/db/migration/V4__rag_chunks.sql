-- file-service: text chunks with their embeddings, and the retrieval settings admins edit.
-- Vectors are plain float4[] so that stock PostgreSQL (without pgvector) serves them; cosine
-- similarity is computed by the file-service over each collection's vectors (see docs/files.md).

CREATE TABLE rag_chunk (
    id              text    PRIMARY KEY,
    -- "file-<file id>", a knowledge id, or a name given to /retrieval/process/text
    collection_name text    NOT NULL,
    file_id         text,
    position        integer NOT NULL,
    text            text    NOT NULL,
    metadata        jsonb,
    embedding       real[]  NOT NULL,
    -- chunks embedded by another model than the configured one are ignored until re-indexed
    embedding_model text    NOT NULL
);

CREATE INDEX rag_chunk_collection_name_idx ON rag_chunk (collection_name, embedding_model);
-- Removing a file's vectors from every collection it was indexed into.
CREATE INDEX rag_chunk_file_id_idx ON rag_chunk (file_id) WHERE file_id IS NOT NULL;
-- Keyword half of hybrid search.
CREATE INDEX rag_chunk_text_tsv_idx ON rag_chunk USING gin (to_tsvector('simple', text));

-- One row per collection; version grows with every change so that replicas know when the
-- vectors they hold in memory are stale.
CREATE TABLE rag_collection (
    name     text   PRIMARY KEY,
    version  bigint NOT NULL,
    -- who made a free-standing collection (/retrieval/process/text); null for file-<id> and knowledge collections
    owner_id text
);

-- Admin overrides of the retrieval settings (flat UPPER_CASE keys of /retrieval/config);
-- environment variables give the defaults.
CREATE TABLE rag_config (
    id         integer PRIMARY KEY CHECK (id = 1),
    data       jsonb   NOT NULL,
    updated_at bigint  NOT NULL
);
