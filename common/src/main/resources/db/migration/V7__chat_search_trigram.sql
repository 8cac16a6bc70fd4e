-- Chat search (title and message text, ILIKE '%words%') through trigram indexes.
-- pg_trgm is a trusted extension, so the database owner may create it. Where it cannot be
-- created (no privilege, not installed) the migration still succeeds without the indexes and
-- search still works, by scanning; docs/schema.md (V7) says how to add them later by hand.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported OR object_not_in_prerequisite_state THEN
        RAISE WARNING 'pg_trgm is not available (%); chat search runs without a text index', SQLERRM;
        RETURN;
    END;
    -- gin_trgm_ops may live in another schema when the extension was installed there beforehand
    EXECUTE format('CREATE INDEX IF NOT EXISTS chat_title_trgm_idx ON chat USING gin (title %I.gin_trgm_ops)',
                   (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'));
    EXECUTE format('CREATE INDEX IF NOT EXISTS chat_message_content_trgm_idx ON chat_message USING gin (content %I.gin_trgm_ops)',
                   (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'));
END
$$;
