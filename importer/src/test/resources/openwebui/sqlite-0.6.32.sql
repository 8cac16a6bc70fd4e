-- Open WebUI v0.6.32 webui.db schema: the tables of a fresh 0.6.32 database, with the column types SQLite declares.
CREATE TABLE migratehistory (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, migrated_at DATETIME NOT NULL);
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
CREATE TABLE "user" (id VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL, role VARCHAR(255) NOT NULL,
  profile_image_url TEXT NOT NULL, api_key VARCHAR(255), created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL, settings TEXT, info TEXT, oauth_sub TEXT, username VARCHAR(50), bio TEXT, gender TEXT, date_of_birth DATE);
CREATE UNIQUE INDEX user_id ON "user" (id);
CREATE UNIQUE INDEX user_api_key ON "user" (api_key);
CREATE UNIQUE INDEX user_oauth_sub ON "user" (oauth_sub);
CREATE TABLE auth (id VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL, password TEXT NOT NULL, active INTEGER NOT NULL);
CREATE UNIQUE INDEX auth_id ON auth (id);
CREATE TABLE chat (id VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL, title TEXT NOT NULL, share_id VARCHAR(255),
  archived INTEGER NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, chat JSON, pinned BOOLEAN,
  meta JSON DEFAULT '{}' NOT NULL, folder_id TEXT);
CREATE UNIQUE INDEX chat_id ON chat (id);
CREATE UNIQUE INDEX chat_share_id ON chat (share_id);
CREATE TABLE chatidtag (id VARCHAR(255) NOT NULL, tag_name VARCHAR(255) NOT NULL, chat_id VARCHAR(255) NOT NULL,
  user_id VARCHAR(255) NOT NULL, "timestamp" INTEGER NOT NULL);
CREATE UNIQUE INDEX chatidtag_id ON chatidtag (id);
CREATE TABLE document (id INTEGER NOT NULL PRIMARY KEY, collection_name VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL,
  title TEXT NOT NULL, filename TEXT NOT NULL, content TEXT, user_id VARCHAR(255) NOT NULL, "timestamp" INTEGER NOT NULL);
CREATE TABLE prompt (id INTEGER NOT NULL PRIMARY KEY, command VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL,
  title TEXT NOT NULL, content TEXT NOT NULL, "timestamp" INTEGER NOT NULL, access_control JSON);
CREATE UNIQUE INDEX prompt_command ON prompt (command);
CREATE TABLE tag (id VARCHAR(255) NOT NULL, name VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL, meta JSON,
  CONSTRAINT pk_id_user_id PRIMARY KEY (id, user_id));
CREATE TABLE memory (id VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL, content TEXT NOT NULL,
  updated_at INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE UNIQUE INDEX memory_id ON memory (id);
CREATE TABLE model (id TEXT NOT NULL, user_id TEXT NOT NULL, base_model_id TEXT, name TEXT NOT NULL, meta TEXT NOT NULL,
  params TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, access_control JSON, is_active BOOLEAN DEFAULT 1 NOT NULL);
CREATE UNIQUE INDEX model_id ON model (id);
CREATE TABLE tool (id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL, content TEXT NOT NULL, specs TEXT NOT NULL,
  meta TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, valves TEXT, access_control JSON);
CREATE UNIQUE INDEX tool_id ON tool (id);
CREATE TABLE function (id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, content TEXT NOT NULL,
  meta TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, valves TEXT, is_active INTEGER NOT NULL, is_global INTEGER NOT NULL);
CREATE UNIQUE INDEX function_id ON function (id);
CREATE TABLE file (id TEXT NOT NULL, user_id TEXT NOT NULL, filename TEXT NOT NULL, meta JSON, created_at INTEGER NOT NULL,
  hash TEXT, data JSON, updated_at BIGINT, path TEXT, access_control JSON);
CREATE UNIQUE INDEX file_id ON file (id);
CREATE TABLE config (id INTEGER NOT NULL PRIMARY KEY, data JSON NOT NULL, version INTEGER NOT NULL,
  created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, updated_at DATETIME DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE knowledge (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT,
  data JSON, meta JSON, created_at BIGINT NOT NULL, updated_at BIGINT, access_control JSON);
CREATE TABLE folder (id TEXT NOT NULL, parent_id TEXT, user_id TEXT NOT NULL, name TEXT NOT NULL, items JSON, meta JSON,
  is_expanded BOOLEAN NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, data JSON, PRIMARY KEY (id, user_id));
CREATE TABLE feedback (id TEXT NOT NULL PRIMARY KEY, user_id TEXT, version BIGINT, type TEXT, data JSON, meta JSON,
  snapshot JSON, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
CREATE TABLE "group" (id TEXT NOT NULL PRIMARY KEY, user_id TEXT, name TEXT, description TEXT, data JSON, meta JSON,
  permissions JSON, user_ids JSON, created_at BIGINT, updated_at BIGINT, UNIQUE (id));
CREATE TABLE channel (id TEXT NOT NULL PRIMARY KEY, user_id TEXT, name TEXT, description TEXT, data JSON, meta JSON,
  access_control JSON, created_at BIGINT, updated_at BIGINT, type TEXT);
CREATE TABLE message (id TEXT NOT NULL PRIMARY KEY, user_id TEXT, channel_id TEXT, content TEXT, data JSON, meta JSON,
  created_at BIGINT, updated_at BIGINT, parent_id TEXT, reply_to_id TEXT);
CREATE TABLE message_reaction (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, message_id TEXT NOT NULL,
  name TEXT NOT NULL, created_at BIGINT);
CREATE TABLE channel_member (id TEXT NOT NULL PRIMARY KEY, channel_id TEXT NOT NULL, user_id TEXT NOT NULL, created_at BIGINT);
CREATE TABLE note (id TEXT NOT NULL PRIMARY KEY, user_id TEXT, title TEXT, data JSON, meta JSON, access_control JSON,
  created_at BIGINT, updated_at BIGINT);
CREATE TABLE oauth_session (id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
  provider TEXT NOT NULL, token TEXT NOT NULL, expires_at BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
