-- V1__baseline.sql — the suite's own PostgreSQL schema (PostgreSQL 15+), applied by Flyway from
-- `common` at service start.
--
-- Table and column names follow Open WebUI v0.6.32 so that its wire shapes map one to one; the
-- differences (real primary keys, jsonb everywhere, chat messages as rows, group membership as
-- rows, the primary-admin flag) and the import mapping are described in docs/schema.md.
--
-- Conventions:
--   * ids are text, copied verbatim on import (uuid4 for most tables; see docs for exceptions);
--   * epoch timestamps are bigint in the unit the API sends: seconds, except note, channel,
--     message and message_reaction, which use nanoseconds;
--   * "no value" in a jsonb column is SQL NULL, but readers must treat a jsonb 'null' the same;
--   * the only foreign keys to "user" are auth and oauth_session: chat rows owned by
--     `shared-<chat id>` pseudo users and orphaned rows from real installations must import.


-- ---------------------------------------------------------------------------------------------
-- Accounts
-- ---------------------------------------------------------------------------------------------

CREATE TABLE "user" (
    id                text         PRIMARY KEY,
    name              text         NOT NULL,
    email             text         NOT NULL,
    role              text         NOT NULL CHECK (role IN ('admin', 'user', 'pending')),
    profile_image_url text         NOT NULL DEFAULT '/user.png',
    api_key           text,
    created_at        bigint       NOT NULL,
    updated_at        bigint       NOT NULL,
    last_active_at    bigint       NOT NULL,
    settings          jsonb,
    info              jsonb,
    oauth_sub         text,
    username          varchar(50),
    bio               text,
    gender            text,
    date_of_birth     date,
    -- Set on the account created first. The partial unique index below admits one such row, so
    -- two concurrent first sign-ups cannot both become the primary admin: the loser's INSERT
    -- fails and is retried as an ordinary sign-up.
    is_primary_admin  boolean      NOT NULL DEFAULT false
);

-- Sign-in, sign-up duplicate check and admin e-mail updates: WHERE lower(email) = lower($1).
CREATE UNIQUE INDEX user_email_lower_key ON "user" (lower(email));
-- Bearer `sk-…` API key authentication.
CREATE UNIQUE INDEX user_api_key_key ON "user" (api_key) WHERE api_key IS NOT NULL;
-- OAuth login: find the account by "<provider>@<sub>".
CREATE UNIQUE INDEX user_oauth_sub_key ON "user" (oauth_sub) WHERE oauth_sub IS NOT NULL;
-- At most one primary admin (see the column comment).
CREATE UNIQUE INDEX user_primary_admin_key ON "user" (is_primary_admin) WHERE is_primary_admin;

CREATE TABLE auth (
    id       text    PRIMARY KEY REFERENCES "user" (id) ON DELETE CASCADE,
    email    text    NOT NULL,   -- kept equal to "user".email by every writer
    password text    NOT NULL,   -- bcrypt ($2a$/$2b$/$2y$)
    active   boolean NOT NULL DEFAULT true
);

CREATE TABLE oauth_session (
    id         text   PRIMARY KEY,
    user_id    text   NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    provider   text   NOT NULL,
    token      text   NOT NULL,  -- Fernet ciphertext, opaque
    expires_at bigint NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);

-- Session lookup per user and provider; also serves the cascade from "user".
CREATE INDEX oauth_session_user_provider_idx ON oauth_session (user_id, provider);
-- Periodic purge of expired sessions.
CREATE INDEX oauth_session_expires_at_idx ON oauth_session (expires_at);

CREATE TABLE "group" (
    id          text PRIMARY KEY,
    user_id     text,
    name        text,
    description text,
    data        jsonb,
    meta        jsonb,
    permissions jsonb,
    created_at  bigint,
    updated_at  bigint
);

-- Replaces Open WebUI's "group".user_ids array; the API still answers with `user_ids`.
CREATE TABLE group_member (
    group_id   text   NOT NULL REFERENCES "group" (id) ON DELETE CASCADE,
    user_id    text   NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

-- Groups of a user: effective permissions, access-control checks, GET /users/groups, and
-- removing a deleted user from every group.
CREATE INDEX group_member_user_id_idx ON group_member (user_id);


-- ---------------------------------------------------------------------------------------------
-- Chats
-- ---------------------------------------------------------------------------------------------

CREATE TABLE chat (
    id         text    PRIMARY KEY,
    user_id    text    NOT NULL,
    title      text    NOT NULL,
    share_id   text    UNIQUE,   -- share snapshot lookup (/s/<share_id>) and unsharing
    archived   boolean NOT NULL DEFAULT false,
    pinned     boolean NOT NULL DEFAULT false,
    meta       jsonb   NOT NULL DEFAULT '{}',
    folder_id  text,
    created_at bigint  NOT NULL,
    updated_at bigint  NOT NULL,
    -- The conversation object minus history.messages and the linear `messages` array; the
    -- message tree lives in chat_message and is merged back on read.
    chat       jsonb   NOT NULL DEFAULT '{}'
);

-- All chats of a user, newest first (export, search, admin per-user list, include_folders).
CREATE INDEX chat_user_updated_idx ON chat (user_id, updated_at DESC, id DESC);
-- Sidebar main list: not archived, not pinned, not in a folder; keyset (updated_at, id).
CREATE INDEX chat_user_sidebar_idx ON chat (user_id, updated_at DESC, id DESC)
    WHERE NOT archived AND NOT pinned AND folder_id IS NULL;
-- GET /chats/pinned.
CREATE INDEX chat_user_pinned_idx ON chat (user_id, updated_at DESC, id DESC)
    WHERE pinned AND NOT archived;
-- GET /chats/archived and the archive export.
CREATE INDEX chat_user_archived_idx ON chat (user_id, updated_at DESC, id DESC)
    WHERE archived;
-- Folder chat list (/chats/folder/{id}/list), folder contents and folder deletion.
CREATE INDEX chat_user_folder_idx ON chat (user_id, folder_id, updated_at DESC, id DESC)
    WHERE folder_id IS NOT NULL;
-- Chats carrying a tag (POST /chats/tags, search `tag:`, unused-tag cleanup):
-- meta -> 'tags' @> jsonb_build_array($tag_id).
CREATE INDEX chat_meta_tags_idx ON chat USING gin ((meta -> 'tags') jsonb_path_ops);

-- One row per node of the chat's history.messages.
CREATE TABLE chat_message (
    chat_id     text    NOT NULL REFERENCES chat (id) ON DELETE CASCADE,
    id          text    NOT NULL,  -- client-generated; clones and share snapshots reuse it
    -- Index of the node in history.messages as the client sent it; reproduces the key order.
    position    integer NOT NULL,
    parent_id   text,
    role        text,
    content     text,
    model       text,
    done        boolean,
    "timestamp" bigint,            -- seconds, from the message object
    -- Every other field of the message object, plus any extracted field whose value did not
    -- fit its column (see docs/schema.md, "Chat split").
    data        jsonb   NOT NULL DEFAULT '{}',
    created_at  bigint  NOT NULL,  -- seconds, server time of the row write
    updated_at  bigint  NOT NULL,
    PRIMARY KEY (chat_id, id)
);

-- Reassembling one or many chats: WHERE chat_id = ANY($1) ORDER BY chat_id, position.
-- (Point updates while streaming use the primary key.)
CREATE INDEX chat_message_chat_position_idx ON chat_message (chat_id, position);

CREATE TABLE tag (
    id      text NOT NULL,
    name    text NOT NULL,
    user_id text NOT NULL,
    meta    jsonb,
    -- user_id first so that the key also serves GET /chats/all/tags (tags of a user).
    PRIMARY KEY (user_id, id)
);

CREATE TABLE folder (
    id          text    PRIMARY KEY,
    parent_id   text,
    user_id     text    NOT NULL,
    name        text    NOT NULL,
    items       jsonb,
    meta        jsonb,
    is_expanded boolean NOT NULL DEFAULT false,
    created_at  bigint  NOT NULL,
    updated_at  bigint  NOT NULL,
    data        jsonb
);

-- GET /folders/ (all folders of a user), sibling-name check, sub-folder walk on delete/move.
CREATE INDEX folder_user_parent_idx ON folder (user_id, parent_id);


-- ---------------------------------------------------------------------------------------------
-- Files and knowledge
-- ---------------------------------------------------------------------------------------------

CREATE TABLE file (
    id             text   PRIMARY KEY,
    user_id        text   NOT NULL,
    hash           text,
    filename       text   NOT NULL,
    path           text,
    data           jsonb,
    meta           jsonb,
    access_control jsonb,
    created_at     bigint NOT NULL,
    updated_at     bigint
);

-- GET /files/ for non-admins and deleting a user's files.
CREATE INDEX file_user_id_idx ON file (user_id);
-- Finding an already-processed file with the same extracted content.
CREATE INDEX file_hash_idx ON file (hash) WHERE hash IS NOT NULL;

CREATE TABLE knowledge (
    id             text   PRIMARY KEY,
    user_id        text   NOT NULL,
    name           text   NOT NULL,
    description    text,
    data           jsonb,
    meta           jsonb,
    access_control jsonb,
    created_at     bigint NOT NULL,
    updated_at     bigint
);

-- Own knowledge bases (workspace list) before access-control filtering.
CREATE INDEX knowledge_user_id_idx ON knowledge (user_id);


-- ---------------------------------------------------------------------------------------------
-- Workspace: models, prompts, tools, functions, memories
-- ---------------------------------------------------------------------------------------------

CREATE TABLE model (
    id             text    PRIMARY KEY,
    user_id        text    NOT NULL,
    base_model_id  text,
    name           text    NOT NULL,
    meta           jsonb   NOT NULL DEFAULT '{}',
    params         jsonb   NOT NULL DEFAULT '{}',
    access_control jsonb,
    is_active      boolean NOT NULL DEFAULT true,
    created_at     bigint  NOT NULL,
    updated_at     bigint  NOT NULL
);

-- Own presets in the workspace list.
CREATE INDEX model_user_id_idx ON model (user_id);

-- Open WebUI's hidden serial id is dropped: the slash command is the key.
CREATE TABLE prompt (
    command        text   PRIMARY KEY,
    user_id        text   NOT NULL,
    title          text   NOT NULL,
    content        text   NOT NULL,
    access_control jsonb,
    "timestamp"    bigint NOT NULL
);

-- Own prompts in the workspace list.
CREATE INDEX prompt_user_id_idx ON prompt (user_id);

CREATE TABLE tool (
    id             text   PRIMARY KEY,
    user_id        text   NOT NULL,
    name           text   NOT NULL,
    content        text   NOT NULL,  -- Python source, kept verbatim
    specs          jsonb  NOT NULL DEFAULT '[]',
    meta           jsonb  NOT NULL DEFAULT '{}',
    valves         jsonb,
    access_control jsonb,
    created_at     bigint NOT NULL,
    updated_at     bigint NOT NULL
);

CREATE TABLE function (
    id         text    PRIMARY KEY,
    user_id    text    NOT NULL,
    name       text    NOT NULL,
    type       text    NOT NULL CHECK (type IN ('filter', 'pipe', 'action')),
    content    text    NOT NULL,  -- Python source, kept verbatim
    meta       jsonb   NOT NULL DEFAULT '{}',
    valves     jsonb,
    is_active  boolean NOT NULL DEFAULT false,
    is_global  boolean NOT NULL DEFAULT false,
    created_at bigint  NOT NULL,
    updated_at bigint  NOT NULL
);

CREATE TABLE memory (
    id         text   PRIMARY KEY,
    user_id    text   NOT NULL,
    content    text   NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);

-- GET /memories/ and DELETE /memories/delete/user.
CREATE INDEX memory_user_id_idx ON memory (user_id);

CREATE TABLE feedback (
    id         text   PRIMARY KEY,
    user_id    text,
    version    bigint NOT NULL DEFAULT 0,
    type       text,
    data       jsonb,
    meta       jsonb,
    snapshot   jsonb,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);

-- GET/DELETE /evaluations/feedbacks (own) and /feedbacks/user.
CREATE INDEX feedback_user_id_idx ON feedback (user_id);


-- ---------------------------------------------------------------------------------------------
-- Notes and channels (timestamps in nanoseconds)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE note (
    id             text PRIMARY KEY,
    user_id        text,
    title          text,
    data           jsonb,
    meta           jsonb,
    access_control jsonb,
    created_at     bigint,
    updated_at     bigint
);

-- Own notes, most recently edited first (GET /notes/, /notes/list).
CREATE INDEX note_user_updated_idx ON note (user_id, updated_at DESC);

CREATE TABLE channel (
    id             text PRIMARY KEY,
    user_id        text,
    type           text,
    name           text,
    description    text,
    data           jsonb,
    meta           jsonb,
    access_control jsonb,
    created_at     bigint,
    updated_at     bigint
);

-- Channels created by a user (ownership counts as access).
CREATE INDEX channel_user_id_idx ON channel (user_id);

-- Present in Open WebUI 0.6.32 but unused by it; kept so imports lose nothing.
CREATE TABLE channel_member (
    id         text PRIMARY KEY,
    channel_id text NOT NULL,
    user_id    text NOT NULL,
    created_at bigint
);

-- Channel messages (chat messages are in chat_message).
CREATE TABLE message (
    id          text PRIMARY KEY,
    user_id     text,
    channel_id  text,
    parent_id   text,  -- thread root
    reply_to_id text,  -- quoted message
    content     text,
    data        jsonb,
    meta        jsonb,
    created_at  bigint,
    updated_at  bigint
);

-- GET /channels/{id}/messages (newest first, skip/limit) and deleting a channel's messages.
CREATE INDEX message_channel_created_idx ON message (channel_id, created_at DESC);
-- Thread page, reply_count and latest_reply_at of a thread root.
CREATE INDEX message_parent_created_idx ON message (parent_id, created_at DESC)
    WHERE parent_id IS NOT NULL;

CREATE TABLE message_reaction (
    id         text PRIMARY KEY,
    user_id    text NOT NULL,
    message_id text NOT NULL,
    name       text NOT NULL,
    created_at bigint
);

-- One reaction per user, emoji and message; its leading column serves the per-message
-- aggregation {name, user_ids, count} and deletion with the message.
CREATE UNIQUE INDEX message_reaction_message_user_name_key
    ON message_reaction (message_id, user_id, name);


-- ---------------------------------------------------------------------------------------------
-- Persistent admin configuration
-- ---------------------------------------------------------------------------------------------

-- Normally one row; readers take the highest id.
CREATE TABLE config (
    id         serial    PRIMARY KEY,
    data       jsonb     NOT NULL,
    version    integer   NOT NULL DEFAULT 0,
    created_at timestamp NOT NULL DEFAULT now(),
    updated_at timestamp DEFAULT now()
);
