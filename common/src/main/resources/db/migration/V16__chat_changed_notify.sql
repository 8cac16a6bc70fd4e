-- Announces every change of a chat row to the replicas that keep chat lists (api-service's
-- ChatListCache, docs/benchmarks.md "What changed"): the payload is the owner's user id, sent on
-- commit. It catches every writer: api-service itself, the importer's raw SQL, user deletion in
-- auth-service. PostgreSQL folds identical notifications of one transaction into one, so a bulk
-- change of one user's chats (archive all, delete all) sends a single message.
CREATE FUNCTION chat_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('chat_changed', '*');  -- everybody's chats
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('chat_changed', OLD.user_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
        PERFORM pg_notify('chat_changed', NEW.user_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER chat_changed_notify AFTER INSERT OR UPDATE OR DELETE ON chat
    FOR EACH ROW EXECUTE FUNCTION chat_changed_notify();
CREATE TRIGGER chat_truncated_notify AFTER TRUNCATE ON chat
    FOR EACH STATEMENT EXECUTE FUNCTION chat_changed_notify();
