-- Seeds the suite benchmark's database: the bench user (role user) with 5,000 chats of 4 messages,
-- an admin who owns 40 model presets (20 overlays of upstream models, 20 custom models on an
-- upstream base; every other one public, the rest private). Variables: bench_user, admin_user.
\set ON_ERROR_STOP on
INSERT INTO "user" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at)
VALUES (:'bench_user', 'Bench User', 'bench@bench.local', 'user', '/user.png', 1700000000, 1700000000, 1700000000),
       (:'admin_user', 'Bench Admin', 'admin@bench.local', 'admin', '/user.png', 1700000000, 1700000000, 1700000000);

INSERT INTO chat (id, user_id, title, created_at, updated_at, chat, meta)
SELECT 'chat-' || c, :'bench_user', 'Chat ' || c || ' about topic ' || (c % 97), 1700000000 + c, 1700000000 + c,
       jsonb_build_object('title', 'Chat ' || c, 'models', jsonb_build_array('model-1'), 'params', '{}'::jsonb,
                          'history', jsonb_build_object('currentId', 'm3'), 'timestamp', 1700000000000),
       CASE WHEN c % 10 = 0 THEN '{"tags": ["work"]}'::jsonb ELSE '{}'::jsonb END
FROM generate_series(1, 5000) c;

INSERT INTO chat_message (chat_id, id, position, parent_id, role, content, model, done, "timestamp", data, created_at, updated_at)
SELECT 'chat-' || c, 'm' || i, i, CASE WHEN i = 0 THEN NULL ELSE 'm' || (i - 1) END,
       CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END,
       repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 8 + i),
       CASE WHEN i % 2 = 1 THEN 'model-1' END, CASE WHEN i % 2 = 1 THEN true END, 1700000000 + i,
       jsonb_build_object('childrenIds', CASE WHEN i < 3 THEN jsonb_build_array('m' || (i + 1)) ELSE '[]'::jsonb END),
       1700000000, 1700000000
FROM generate_series(1, 5000) c, generate_series(0, 3) i;

INSERT INTO model (id, user_id, base_model_id, name, meta, params, access_control, is_active, created_at, updated_at)
SELECT CASE WHEN g <= 20 THEN 'model-' || g ELSE 'preset-' || g END, :'admin_user',
       CASE WHEN g <= 20 THEN NULL ELSE 'model-' || (g - 20) END,
       'Preset ' || g, jsonb_build_object('description', 'bench preset ' || g, 'tags', jsonb_build_array(jsonb_build_object('name', 'bench'))),
       '{"system": "secret"}', CASE WHEN g % 2 = 0 THEN NULL ELSE '{}'::jsonb END, true, 1700000000, 1700000000
FROM generate_series(1, 40) g;
ANALYZE;
