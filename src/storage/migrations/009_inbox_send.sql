-- MineCarbon storage, version 9: sending an inbox message. Anyone's change may notify others, but no
-- one reads another's inbox; an INSERT … ON CONFLICT must read the conflicting row, which the read
-- policy hides, so PostgreSQL refuses it for a message to another user. A message with a key (a
-- deadline's reminder, sent once) therefore goes in through this function, which checks the key as
-- the table's owner and inserts only what is not there yet; it returns nothing of the inbox.
CREATE FUNCTION minecarbon_inbox_send_once(
  to_user bigint, the_kind text, the_subject_kind text, the_subject_id text, the_message jsonb, the_key text)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO inbox_messages (user_id, kind, subject_kind, subject_id, message, key)
  VALUES (to_user, the_kind, the_subject_kind, the_subject_id, the_message, the_key)
  ON CONFLICT (user_id, key) DO NOTHING
$$;
