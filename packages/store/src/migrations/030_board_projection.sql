-- The board projection (issue 8: a board pack at trust scale within a minute from cold). For each
-- kept month end, each person's share of every board tile: the units the tile counts for them (a
-- person, a referral, a discharge, a concern: counted or not, and the teams), the episodes held (the
-- caseload sizes) and the hours to answer a carer's concern. A pack for a month end then reads one
-- row per person and the kept totals of the trend, rather than everyone's records for 12 days.
-- A derived cache: it can always be rebuilt from the records, and is not backed up.
--
-- Kept current as records are written: every write to a person's records bumps their generation,
-- and the next pack first rebuilds the people whose shares were built at an older one (a build of
-- those people alone). Figures that depend on more than one person's records (team types, rules,
-- settings) are kept under a basis; a new basis rebuilds everyone.

--   generation       bumped by every write to the person's records
--   kept_generation  the generation their kept shares were built at; NULL when none are kept
CREATE TABLE board_person (
  person_id       text   PRIMARY KEY,
  generation      bigint NOT NULL DEFAULT 0,
  kept_generation bigint
);
CREATE INDEX board_person_stale ON board_person (person_id) WHERE kept_generation IS DISTINCT FROM generation;

-- One person's share of every tile on one kept day (person-shares.ts: PersonShare). Only people
-- with a part in some tile that day have a row. Keyed by day first, since a pack reads a whole day
-- in person order, and a rebuild replaces some people on every kept day: one index serves both.
-- `json`, not `jsonb`: it is only ever read whole, and stored as written it costs less to write.
CREATE TABLE board_person_day (
  day       date NOT NULL,
  person_id text NOT NULL,
  share     json NOT NULL,
  PRIMARY KEY (day, person_id)
);

-- The days kept, and the basis their shares were built under. Not person data (a Citus reference table).
CREATE TABLE board_day (
  day       date        PRIMARY KEY,
  basis     text        NOT NULL,
  filled_at timestamptz NOT NULL DEFAULT now()
);

-- Each tile's figure on each kept day: the sums of everyone's shares, changed by the difference
-- whenever a person's shares are rebuilt (under one advisory lock), so a trend reads 12 rows a tile.
CREATE TABLE board_day_total (
  day         date   NOT NULL,
  tile        text   NOT NULL,
  numerator   bigint NOT NULL,
  denominator bigint NOT NULL,
  PRIMARY KEY (day, tile)
);

-- Everyone already on record starts with nothing kept.
INSERT INTO board_person (person_id) SELECT person_id FROM person;
