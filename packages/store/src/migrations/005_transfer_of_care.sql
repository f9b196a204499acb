-- Transfers of care between teams or areas (issue 4 part 6). The sending episode stays open until
-- the receiving team accepts; this table holds the offer, its decision, and the handover packet as
-- it stood when the transfer was proposed (what the receiving team was shown). Keyed by person
-- first, like every clinical table. Either a receiving team in the system (an Organization id) or,
-- out of area, a named receiving service, whose confirmation (who, when) is what accepts it.
CREATE TABLE transfer_of_care (
  person_id          text        NOT NULL,
  id                 bigint GENERATED ALWAYS AS IDENTITY,
  episode_id         text        NOT NULL,
  sending_team_id    text        NOT NULL,
  receiving_team_id  text,
  receiving_service  text,
  reason             text        NOT NULL,
  requested_by       text        NOT NULL,
  requested_at       timestamptz NOT NULL DEFAULT now(),
  packet             jsonb       NOT NULL,
  status             text        NOT NULL DEFAULT 'proposed',
  decided_by         text,
  decided_at         timestamptz,
  decline_reason     text,
  confirmed_by       text,
  confirmed_on       date,
  new_episode_id     text,
  version            integer     NOT NULL DEFAULT 1,
  PRIMARY KEY (person_id, id),
  CHECK (status IN ('proposed', 'accepted', 'declined', 'withdrawn')),
  CHECK ((receiving_team_id IS NULL) <> (receiving_service IS NULL)),
  CHECK (receiving_team_id IS NULL OR receiving_team_id <> sending_team_id)
);
-- One open offer per episode: a second proposal waits until the first is decided or withdrawn.
CREATE UNIQUE INDEX transfer_of_care_one_pending ON transfer_of_care (person_id, episode_id) WHERE status = 'proposed';
CREATE INDEX transfer_of_care_pending_in ON transfer_of_care (receiving_team_id) WHERE status = 'proposed';
CREATE INDEX transfer_of_care_pending_out ON transfer_of_care (sending_team_id) WHERE status = 'proposed';
