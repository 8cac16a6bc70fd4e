-- Tokens used by each completion, from the provider's usage data (api-service writes, one row per answer).
CREATE TABLE completion_usage (
    id                bigserial PRIMARY KEY,
    user_id           text    NOT NULL,
    model_id          text    NOT NULL,  -- the id the user chose (preset or connection model)
    chat_id           text,              -- null for API calls without a chat and for temporary chats
    message_id        text,
    prompt_tokens     integer NOT NULL,
    completion_tokens integer NOT NULL,
    total_tokens      integer NOT NULL,
    created_at        bigint  NOT NULL   -- seconds
);
-- Per-user and per-model totals over a period.
CREATE INDEX completion_usage_user_idx ON completion_usage (user_id, created_at);
CREATE INDEX completion_usage_model_idx ON completion_usage (model_id, created_at);
