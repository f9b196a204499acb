-- Information-sharing agreements between the trust and partner organisations (SPEC C12, issue 9
-- part 3; docs/partners-and-sharing.md). Trust-level like governance (018): an agreement holds no
-- person, so it is not keyed by person_id (a Citus reference table if distributed). partners are
-- Organization ids in shared_record; categories and legal_basis are codes from
-- packages/domain/src/partners/sharing-rules.ts. version: an edit names the version it was made
-- on, and one made on an older version is refused (409), never silently overwritten.
CREATE TABLE sharing_agreement (
  id          text        PRIMARY KEY,
  title       text        NOT NULL CHECK (length(trim(title)) > 0),
  purpose     text        NOT NULL CHECK (length(trim(purpose)) > 0),
  legal_basis text        NOT NULL,
  partners    text[]      NOT NULL CHECK (cardinality(partners) > 0),
  categories  text[]      NOT NULL CHECK ('identity' = ANY (categories)),
  start_date  date        NOT NULL,
  review_date date        NOT NULL CHECK (review_date > start_date),
  status      text        NOT NULL CHECK (status IN ('draft', 'active', 'ended')),
  version     integer     NOT NULL DEFAULT 1,
  updated_by  text        NOT NULL REFERENCES app_user (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A person's sharing wishes for a partner are a Consent with category partner-sharing naming the
-- partner Organization in provision.actor; a partner's list of linked people reads them by
-- organisation on every load. Partial, so other Consents cost nothing.
CREATE INDEX record_consent_partner_sharing_by_actor ON record_consent USING gin ((resource->'provision'->'actor') jsonb_path_ops)
  WHERE resource @> '{"category":[{"coding":[{"system":"https://continuity.health/fhir/CodeSystem/consent-category","code":"partner-sharing"}]}]}';
