-- Every version of a person's record that a new one replaces is kept (record_version, migration 013),
-- whoever writes it: the app's updates, the FHIR API, and imports and other bulk writes, which
-- until now replaced a record without keeping it (so an import from another system could make a plan
-- edited in the app unreadable). A row trigger fires only when a row really gets a new version: a
-- re-import of unchanged content updates nothing and pays nothing. BEFORE, so the kept copy is the
-- row as it was, in the same transaction as the write.
CREATE FUNCTION keep_replaced_record_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_version (person_id, resource_type, id, version_id, last_updated, resource)
  VALUES (OLD.person_id, OLD.resource_type, OLD.id, OLD.version_id, OLD.last_updated, OLD.resource)
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$$;

CREATE TRIGGER record_keep_replaced_version BEFORE UPDATE ON record
  FOR EACH ROW WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id)
  EXECUTE FUNCTION keep_replaced_record_version();
