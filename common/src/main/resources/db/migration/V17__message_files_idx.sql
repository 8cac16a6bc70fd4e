-- A channel reader may read a file its owner attached to a message there (file-service's read rule looks
-- for such a message). Only messages carrying files are indexed, by author, so a refused read costs an
-- index probe of the owner's file-carrying messages instead of a scan of every message.
CREATE INDEX message_user_files_idx ON message (user_id) WHERE data->'files' IS NOT NULL;
