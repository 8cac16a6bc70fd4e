-- Generated speech, shared by every api-service replica (docs/audio.md, "The speech cache").
-- One row per (text, voice, model, engine) hash; api-service writes and evicts by total size.
CREATE TABLE speech_cache (
    key          text   PRIMARY KEY,  -- sha256 hex of engine, model, voice and the request
    content_type text   NOT NULL,     -- as the engine sent it (audio/mpeg, audio/wav, ...)
    audio        bytea  NOT NULL,
    size         bigint NOT NULL,     -- octet_length(audio), kept for the eviction sum
    created_at   bigint NOT NULL,     -- seconds
    used_at      bigint NOT NULL      -- seconds, last served: eviction drops the least recently used
);
-- Audio is already compressed: stored out of line uncompressed, so reading a slice with substring()
-- fetches only that slice's pages instead of the whole value.
ALTER TABLE speech_cache ALTER COLUMN audio SET STORAGE EXTERNAL;
CREATE INDEX speech_cache_used_idx ON speech_cache (used_at, created_at);
