-- A marker of committed changes to the data that reports read (issue 8: board tiles fast when warm).
-- A computed tile is kept under the marker it was computed at and served again only while the
-- marker is unchanged, so the marker must move with every committed write, from any process.
--
-- Each transaction that changes a row of a watched table adds one row here (row triggers, once per
-- transaction through a transaction-local setting); the marker is sum(changes). Why rows and not a
-- counter or a sequence: a single counter row would make every writer queue on it (and could
-- deadlock two writers holding each other's rows), and a sequence moves before its transaction
-- commits, so a reader could keep a build of the old data under the new number. Inserted rows take
-- no shared lock and are seen by readers exactly when their transaction commits. Readers fold the
-- rows into one now and then (dataVersion in packages/store/src/board/data-version.ts), which keeps
-- the sum. Not person data, so not keyed by person (a Citus reference table).
CREATE TABLE data_change (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  changes bigint NOT NULL DEFAULT 1
);

CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('continuity.data_changed', true), '') <> 'yes' THEN
    INSERT INTO data_change DEFAULT VALUES;
    PERFORM set_config('continuity.data_changed', 'yes', true);
  END IF;
  RETURN NULL;
END
$$;

-- Every table but accounts, sessions, the audit log and what reads rebuild for themselves (the
-- engagement projection, name words): those change on reads and sign-ins, and no report counts them.
-- A table added by a later migration that reports read needs the same trigger there.
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname NOT IN ('data_change', 'schema_migration', 'audit_event', 'app_user', 'app_user_team', 'app_user_identity',
                            'app_session', 'sso_attempt', 'break_glass', 'engagement_state', 'person_name_word')
  LOOP
    -- Per row, not per statement: a statement that changes nothing (a refused update) must not move it.
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION note_data_change()', t || '_changed', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()', t || '_emptied', t);
  END LOOP;
END
$$;
