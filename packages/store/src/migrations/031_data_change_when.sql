-- The data-change marker's row triggers (migration 024) called a PL/pgSQL function for every row
-- written, though only a transaction's first changed row does anything: 3-5 µs a row of the server's
-- time in a bulk import, measured (issue 3). A WHEN condition, which the server evaluates without
-- calling the function or queueing an event, now passes over rows once the transaction has noted its
-- change. A writer certain to change rows (a first import's COPY) notes it before writing, through
-- the same function the trigger calls, so no row of it fires at all. What the marker means is unchanged.
CREATE FUNCTION mark_data_changed() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('continuity.data_changed', true) IS DISTINCT FROM 'yes' THEN
    INSERT INTO data_change DEFAULT VALUES;
    PERFORM set_config('continuity.data_changed', 'yes', true);
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM mark_data_changed();
  RETURN NULL;
END
$$;

-- Every row trigger of the marker, wherever an earlier migration put it (a partition's copy follows
-- its parent's).
DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT tg.tgname, c.relname FROM pg_trigger tg
    JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND tg.tgfoid = 'note_data_change'::regproc
      AND (tg.tgtype & 1) = 1 AND tg.tgparentid = 0
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t.tgname, t.relname);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW '
      'WHEN (current_setting(''continuity.data_changed'', true) IS DISTINCT FROM ''yes'') '
      'EXECUTE FUNCTION note_data_change()', t.tgname, t.relname);
  END LOOP;
END
$$;
