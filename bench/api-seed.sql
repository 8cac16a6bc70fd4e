-- Seeds a benchmark database: :users users, :chats chats of 4-20 messages for the bench user
-- (plus as many for every other user), one 1,200-message chat, model presets and an OpenAI
-- connection at :upstream. Variables: bench_user, upstream.
\set ON_ERROR_STOP on
INSERT INTO "user" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
SELECT CASE WHEN g = 1 THEN :'bench_user' ELSE 'user-' || g END, 'User ' || g, 'user' || g || '@bench.local',
       CASE WHEN g = 1 THEN 'user' WHEN g = 2 THEN 'admin' ELSE 'user' END, '/user.png', 1700000000, 1700000000, 1700000000
FROM generate_series(1, 50) g;

INSERT INTO chat (id, user_id, title, created_at, updated_at, chat, meta)
SELECT 'chat-' || u || '-' || c, CASE WHEN u = 1 THEN :'bench_user' ELSE 'user-' || u END, 'Chat ' || c || ' about topic ' || (c % 97),
       1700000000 + c, 1700000000 + c,
       jsonb_build_object('title', 'Chat ' || c, 'models', jsonb_build_array('gpt-4o'), 'params', '{}'::jsonb,
                          'history', jsonb_build_object('currentId', 'm' || (4 + c % 17 - 1)), 'timestamp', 1700000000000),
       CASE WHEN c % 10 = 0 THEN '{"tags": ["work"]}'::jsonb ELSE '{}'::jsonb END
FROM generate_series(1, 5) u, generate_series(1, 5000) c;

INSERT INTO chat_message (chat_id, id, position, parent_id, role, content, model, done, "timestamp", data, created_at, updated_at)
SELECT 'chat-' || u || '-' || c, 'm' || i, i, CASE WHEN i = 0 THEN NULL ELSE 'm' || (i - 1) END,
       CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END,
       repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 8 + i % 20),
       CASE WHEN i % 2 = 1 THEN 'gpt-4o' END, CASE WHEN i % 2 = 1 THEN true END, 1700000000 + i,
       jsonb_build_object('childrenIds', CASE WHEN i < 4 + c % 17 - 1 THEN jsonb_build_array('m' || (i + 1)) ELSE '[]'::jsonb END),
       1700000000, 1700000000
FROM generate_series(1, 5) u, generate_series(1, 5000) c, generate_series(0, 3 + c % 17) i;

INSERT INTO tag (id, name, user_id) VALUES ('work', 'work', :'bench_user');

INSERT INTO chat (id, user_id, title, created_at, updated_at, chat)
VALUES ('long-chat', :'bench_user', 'A very long chat', 1600000000, 1600000000,
        '{"title": "A very long chat", "models": ["gpt-4o"], "params": {}, "history": {"currentId": "m1199"}, "timestamp": 1600000000000}');
INSERT INTO chat_message (chat_id, id, position, parent_id, role, content, model, done, "timestamp", data, created_at, updated_at)
SELECT 'long-chat', 'm' || i, i, CASE WHEN i = 0 THEN NULL ELSE 'm' || (i - 1) END,
       CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END,
       repeat('A realistic paragraph of markdown with `code` and **bold** text. ', 10 + i % 30),
       CASE WHEN i % 2 = 1 THEN 'gpt-4o' END, CASE WHEN i % 2 = 1 THEN true END, 1600000000 + i,
       jsonb_build_object('childrenIds', CASE WHEN i < 1199 THEN jsonb_build_array('m' || (i + 1)) ELSE '[]'::jsonb END,
                          'usage', jsonb_build_object('total_tokens', i)),
       1600000000, 1600000000
FROM generate_series(0, 1199) i;

INSERT INTO model (id, user_id, base_model_id, name, meta, params, access_control, is_active, created_at, updated_at)
SELECT 'model-' || g, 'user-2', NULL, 'Model ' || g, '{"description": "bench"}', '{"system": "secret"}',
       CASE WHEN g % 2 = 0 THEN NULL ELSE '{}'::jsonb END, true, 1700000000, 1700000000
FROM generate_series(1, 40) g;

INSERT INTO config (data) VALUES (jsonb_build_object('version', 0, 'ui', '{}'::jsonb,
    'openai', jsonb_build_object('enable', true, 'api_base_urls', jsonb_build_array(:'upstream'), 'api_keys', jsonb_build_array(''),
                                 'api_configs', '{}'::jsonb)));
ANALYZE;
