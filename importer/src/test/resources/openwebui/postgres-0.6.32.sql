CREATE TABLE migratehistory (id serial PRIMARY KEY, name varchar(255) NOT NULL, migrated_at timestamp NOT NULL);
CREATE TABLE alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));

CREATE TABLE auth (id varchar(255) NOT NULL, email varchar(255) NOT NULL, password text NOT NULL, active boolean NOT NULL);
CREATE UNIQUE INDEX auth_id ON auth (id);

CREATE TABLE chat (id varchar(255) NOT NULL, user_id varchar(255) NOT NULL, title text NOT NULL, share_id varchar(255),
  archived boolean NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL, chat json, pinned boolean,
  meta json NOT NULL DEFAULT '{}'::json, folder_id text);
CREATE UNIQUE INDEX chat_id ON chat (id);
CREATE UNIQUE INDEX chat_share_id ON chat (share_id);
CREATE INDEX folder_id_idx ON chat (folder_id);
CREATE INDEX user_id_pinned_idx ON chat (user_id, pinned);
CREATE INDEX user_id_archived_idx ON chat (user_id, archived);
CREATE INDEX updated_at_user_id_idx ON chat (updated_at, user_id);
CREATE INDEX folder_id_user_id_idx ON chat (folder_id, user_id);

CREATE TABLE chatidtag (id varchar(255) NOT NULL, tag_name varchar(255) NOT NULL, chat_id varchar(255) NOT NULL,
  user_id varchar(255) NOT NULL, "timestamp" bigint NOT NULL);
CREATE UNIQUE INDEX chatidtag_id ON chatidtag (id);

CREATE TABLE document (id serial PRIMARY KEY, collection_name varchar(255) NOT NULL, name varchar(255) NOT NULL,
  title text NOT NULL, filename text NOT NULL, content text, user_id varchar(255) NOT NULL, "timestamp" bigint NOT NULL);
CREATE UNIQUE INDEX document_collection_name ON document (collection_name);
CREATE UNIQUE INDEX document_name ON document (name);

CREATE TABLE prompt (id serial PRIMARY KEY, command varchar(255) NOT NULL, user_id varchar(255) NOT NULL,
  title text NOT NULL, content text NOT NULL, "timestamp" bigint NOT NULL, access_control json);
CREATE UNIQUE INDEX prompt_command ON prompt (command);

CREATE TABLE tag (id varchar(255) NOT NULL, name varchar(255) NOT NULL, user_id varchar(255) NOT NULL, meta json,
  CONSTRAINT pk_id_user_id PRIMARY KEY (id, user_id));
CREATE INDEX user_id_idx ON tag (user_id);

CREATE TABLE "user" (id varchar(255) NOT NULL, name varchar(255) NOT NULL, email varchar(255) NOT NULL,
  role varchar(255) NOT NULL, profile_image_url text NOT NULL, api_key varchar(255), created_at bigint NOT NULL,
  updated_at bigint NOT NULL, last_active_at bigint NOT NULL, settings text, info text, oauth_sub text,
  username varchar(50), bio text, gender text, date_of_birth date);
CREATE UNIQUE INDEX user_id ON "user" (id);
CREATE UNIQUE INDEX user_api_key ON "user" (api_key);
CREATE UNIQUE INDEX user_oauth_sub ON "user" (oauth_sub);

CREATE TABLE memory (id varchar(255) NOT NULL, user_id varchar(255) NOT NULL, content text NOT NULL,
  updated_at bigint NOT NULL, created_at bigint NOT NULL);
CREATE UNIQUE INDEX memory_id ON memory (id);

CREATE TABLE model (id text NOT NULL, user_id text NOT NULL, base_model_id text, name text NOT NULL,
  meta text NOT NULL, params text NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL,
  access_control json, is_active boolean NOT NULL DEFAULT true);
CREATE UNIQUE INDEX model_id ON model (id);

CREATE TABLE tool (id text NOT NULL, user_id text NOT NULL, name text NOT NULL, content text NOT NULL,
  specs text NOT NULL, meta text NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL,
  valves text, access_control json);
CREATE UNIQUE INDEX tool_id ON tool (id);

CREATE TABLE function (id text NOT NULL, user_id text NOT NULL, name text NOT NULL, type text NOT NULL,
  content text NOT NULL, meta text NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL,
  valves text, is_active boolean NOT NULL, is_global boolean NOT NULL);
CREATE UNIQUE INDEX function_id ON function (id);
CREATE INDEX is_global_idx ON function (is_global);

CREATE TABLE file (id text NOT NULL, user_id text NOT NULL, filename text NOT NULL, meta json,
  created_at bigint NOT NULL, hash text, data json, updated_at bigint, path text, access_control json);
CREATE UNIQUE INDEX file_id ON file (id);

CREATE TABLE config (id serial PRIMARY KEY, data json NOT NULL, version integer NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(), updated_at timestamp DEFAULT now());

CREATE TABLE knowledge (id text PRIMARY KEY, user_id text NOT NULL, name text NOT NULL, description text,
  data json, meta json, created_at bigint NOT NULL, updated_at bigint, access_control json);

CREATE TABLE folder (id text NOT NULL, parent_id text, user_id text NOT NULL, name text NOT NULL, items json,
  meta json, is_expanded boolean NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL, data json,
  PRIMARY KEY (id, user_id));

CREATE TABLE feedback (id text PRIMARY KEY, user_id text, version bigint, type text, data json, meta json,
  snapshot json, created_at bigint NOT NULL, updated_at bigint NOT NULL);

CREATE TABLE "group" (id text PRIMARY KEY, user_id text, name text, description text, data json, meta json,
  permissions json, user_ids json, created_at bigint, updated_at bigint);

CREATE TABLE channel (id text PRIMARY KEY, user_id text, name text, description text, data json, meta json,
  access_control json, created_at bigint, updated_at bigint, type text);

CREATE TABLE message (id text PRIMARY KEY, user_id text, channel_id text, content text, data json, meta json,
  created_at bigint, updated_at bigint, parent_id text, reply_to_id text);

CREATE TABLE message_reaction (id text PRIMARY KEY, user_id text NOT NULL, message_id text NOT NULL,
  name text NOT NULL, created_at bigint);

CREATE TABLE channel_member (id text PRIMARY KEY, channel_id text NOT NULL, user_id text NOT NULL, created_at bigint);

CREATE TABLE note (id text PRIMARY KEY, user_id text, title text, data json, meta json, access_control json,
  created_at bigint, updated_at bigint);

CREATE TABLE oauth_session (id text PRIMARY KEY, user_id text NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  provider text NOT NULL, token text NOT NULL, expires_at bigint NOT NULL, created_at bigint NOT NULL,
  updated_at bigint NOT NULL);
CREATE INDEX idx_oauth_session_user_id ON oauth_session (user_id);
CREATE INDEX idx_oauth_session_expires_at ON oauth_session (expires_at);
CREATE INDEX idx_oauth_session_user_provider ON oauth_session (user_id, provider);
