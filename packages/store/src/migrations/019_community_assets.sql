-- The community assets directory and referrals to it (issue 9 part 4; docs/community-assets.md).
--
-- The directory and the postcode centroids are reference data, shared by everyone like
-- shared_record (Citus reference tables): no person in them. An entry is an app table rather than
-- a HealthcareService in shared_record because search filters on its needs, languages and place;
-- it is published as a FHIR HealthcareService and Location (docs/fhir.md). `version` detects
-- concurrent edits: an edit names the version it read.
CREATE TABLE community_asset (
  id              text PRIMARY KEY,
  external_id     text UNIQUE,
  version         integer     NOT NULL DEFAULT 1,
  name            text        NOT NULL,
  kind            text        NOT NULL,
  needs           text[]      NOT NULL,
  eligibility     text,
  address         text,
  postcode        text        NOT NULL,
  opening_times   text,
  phone           text,
  email           text,
  website         text,
  accessibility   text[]      NOT NULL DEFAULT '{}',
  languages       text[]      NOT NULL DEFAULT '{}',
  maintainer_id   text        NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      text        NOT NULL
);
CREATE INDEX community_asset_by_maintainer ON community_asset (maintainer_id);

-- Postcode centroids, imported from a CSV the trust holds (such as the ONS Postcode Directory):
-- the place an asset is, and the place a search starts from.
CREATE TABLE postcode_centroid (
  postcode  text PRIMARY KEY,
  latitude  double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);

-- A referral to a community asset, held as its FHIR ServiceRequest (`resource`), with what the
-- partner's list and the uptake figures select on beside it. A table of its own rather than the
-- `record` ServiceRequest partition: there an active ServiceRequest is a referral to a team, and
-- gives that team access to the person (relationships, waiting list, waiting times). Keyed by
-- person first, like every clinical table.
CREATE TABLE community_referral (
  person_id     text        NOT NULL,
  id            text        NOT NULL,
  version       integer     NOT NULL DEFAULT 1,
  asset_id      text        NOT NULL,
  maintainer_id text        NOT NULL,
  need          text        NOT NULL,
  status        text        NOT NULL CHECK (status IN ('sent', 'accepted', 'declined', 'attended', 'did-not-attend')),
  sent_on       date        NOT NULL,
  resource      jsonb       NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id)
);
CREATE UNIQUE INDEX community_referral_by_id ON community_referral (id);
CREATE INDEX community_referral_by_maintainer ON community_referral (maintainer_id, status);
CREATE INDEX community_referral_by_sent_on ON community_referral (sent_on);
