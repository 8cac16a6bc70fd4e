#!/usr/bin/env python3
"""Generates an Open WebUI 0.6.32-shaped webui.db for the importer benchmark.

usage: generate.py OUT.db USERS CHATS MESSAGES_PER_CHAT
Schema: importer/src/test/resources/openwebui/sqlite-0.6.32.sql (the tests' DDL).
"""
import json
import os
import sqlite3
import sys
import uuid

out, users, chats, per_chat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
ddl = os.path.join(os.path.dirname(__file__), "../../importer/src/test/resources/openwebui/sqlite-0.6.32.sql")
if os.path.exists(out):
    os.remove(out)
db = sqlite3.connect(out)
db.executescript(open(ddl).read())
db.execute("INSERT INTO alembic_version VALUES ('a5c220713937')")
hash_ = "$2b$12$KIXQJ1u3Zb0xYjS2f8Q1UeN7aJ0QmX5o2bqY3sVn1gk9p0s5QbG7W"
user_ids = [str(uuid.uuid4()) for _ in range(users)]
for i, uid in enumerate(user_ids):
    db.execute('INSERT INTO "user" (id, name, email, role, profile_image_url, created_at, updated_at, last_active_at, settings, info)'
               " VALUES (?, ?, ?, ?, '/user.png', ?, ?, ?, ?, 'null')",
               (uid, f"User {i}", f"user{i}@example.com", "admin" if i == 0 else "user", 1700000000 + i, 1700000000 + i,
                1700000000 + i, json.dumps({"ui": {"models": ["gpt-4o"]}})))
    db.execute("INSERT INTO auth VALUES (?, ?, ?, 1)", (uid, f"user{i}@example.com", hash_))
paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 8
for c in range(chats):
    nodes, ids = {}, [str(uuid.uuid4()) for _ in range(per_chat)]
    for m, mid in enumerate(ids):
        nodes[mid] = {"id": mid, "parentId": ids[m - 1] if m else None, "childrenIds": [ids[m + 1]] if m + 1 < per_chat else [],
                      "role": "user" if m % 2 == 0 else "assistant", "content": f"{m}: {paragraph}", "timestamp": 1700000000 + c,
                      **({"model": "gpt-4o", "modelName": "GPT-4o", "done": True, "usage": {"total_tokens": 321}} if m % 2 else {"models": ["gpt-4o"]})}
    blob = {"id": "", "title": f"Chat {c}", "models": ["gpt-4o"], "params": {}, "history": {"messages": nodes, "currentId": ids[-1]},
            "messages": list(nodes.values()), "tags": [], "timestamp": 1700000000000 + c, "files": []}
    db.execute("INSERT INTO chat (id, user_id, title, archived, created_at, updated_at, chat, pinned, meta) VALUES (?, ?, ?, 0, ?, ?, ?, 0, ?)",
               (str(uuid.uuid4()), user_ids[c % users], f"Chat {c}", 1700000000 + c, 1700000000 + c, json.dumps(blob),
                json.dumps({"tags": ["work"] if c % 3 == 0 else []})))
db.commit()
db.close()
