-- Earlier versions of records changed in the app (issue 5 part 3): a care plan, a safety plan or a
-- formulation is rewritten over the years and each version must stay readable, with when it was
-- saved. `record` holds only the current version; when the app writes a new one
-- (updatePersonRecord) the one it replaces is copied here in the same transaction. Imports are not
-- versioned here: the sending system holds their history. Keyed by person first, like `record`.
CREATE TABLE record_version (
  person_id     text        NOT NULL,
  resource_type text        NOT NULL,
  id            text        NOT NULL,
  version_id    integer     NOT NULL,
  last_updated  timestamptz NOT NULL,
  resource      jsonb       NOT NULL,
  PRIMARY KEY (person_id, resource_type, id, version_id)
);
