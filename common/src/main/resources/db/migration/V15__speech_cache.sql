-- Generated speech, shared by every api-service replica (docs/audio.md, "The speech cache").
-- One row per (text, voice, model, engine) hash; api-service writes and evicts by total size.
CREATE SEQUENCE speech_cache_use_seq;
CREATE TABLE speech_cache (
    key          text   PRIMARY KEY,  -- sha256 hex of engine, model, voice and the request
    content_type text   NOT NULL,     -- as the engine sent it (audio/mpeg, audio/wav, ...)
    audio        bytea  NOT NULL,
    size         bigint NOT NULL,     -- octet_length(audio), kept for the eviction sum
    created_at   bigint NOT NULL,     -- seconds
    -- taken from the sequence when stored and each time it is served: eviction drops the lowest
    -- (least recently used), in an order that clocks of different replicas cannot blur
    last_use     bigint NOT NULL DEFAULT nextval('speech_cache_use_seq')
);
-- Audio is already compressed: stored out of line uncompressed, so reading a slice with substring()
-- fetches only that slice's pages instead of the whole value.
ALTER TABLE speech_cache ALTER COLUMN audio SET STORAGE EXTERNAL;
CREATE INDEX speech_cache_last_use_idx ON speech_cache (last_use);
