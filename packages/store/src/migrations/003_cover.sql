-- Cover: while a key worker is away, a named colleague in the same team holds their people, so
-- nobody drops off every list. An app table, not FHIR: cover is how the team shares out work, not
-- part of anyone's record. Keyed by team first (a small reference-like table on a distributed
-- deployment). Dates are days in England, both inclusive.
CREATE TABLE cover_arrangement (
  team_id                  text        NOT NULL,
  id                       bigint GENERATED ALWAYS AS IDENTITY,
  absent_practitioner_id   text        NOT NULL,
  covering_practitioner_id text        NOT NULL,
  from_date                date        NOT NULL,
  to_date                  date        NOT NULL,
  reason                   text,
  recorded_by              text        NOT NULL,
  recorded_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, id),
  CHECK (from_date <= to_date),
  CHECK (absent_practitioner_id <> covering_practitioner_id)
);
CREATE INDEX cover_arrangement_by_day ON cover_arrangement (from_date, to_date);
