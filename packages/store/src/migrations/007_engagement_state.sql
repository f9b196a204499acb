-- Engagement state: each person's engagement facts (what the disengagement rules read, already cut
-- down from their records) kept up to date as records are written, so the worklist judges a trust
-- without re-reading every contact it ever had. A derived cache: it can always be rebuilt from
-- `record`, and a row with no facts is stale and rebuilt before it is used.
--
--   generation     bumped by every write that makes the row stale; a rebuild stores its facts only
--                  if no write came in while it read (so a slow rebuild never hides a new contact)
--   valid_from     the day of the latest contact, missed appointment, dose or medicines statement on
--                  record: the facts answer for any as-of day from then on; earlier days read records
--   listable_from  the first day the rules could list the person if nothing new is recorded (the
--                  domain's earliestListingDay); NULL when they never could
--   team_ids       every team with a (not cancelled) episode of care, for team-scoped lists
CREATE TABLE engagement_state (
  person_id     text        PRIMARY KEY,
  generation    bigint      NOT NULL DEFAULT 0,
  facts         jsonb,
  valid_from    date,
  listable_from date,
  team_ids      text[]      NOT NULL DEFAULT '{}',
  refreshed_at  timestamptz
);
CREATE INDEX engagement_state_listable ON engagement_state (listable_from);
CREATE INDEX engagement_state_stale ON engagement_state (person_id) WHERE facts IS NULL;
CREATE INDEX engagement_state_teams ON engagement_state USING gin (team_ids);

-- Everyone already on record starts stale; the first worklist (or the next import) rebuilds them.
INSERT INTO engagement_state (person_id) SELECT person_id FROM person;
