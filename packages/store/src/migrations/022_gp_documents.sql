-- Summaries sent to a person's GP practice as FHIR documents (docs/gp-documents.md): an outbox, so
-- nothing is lost. The document (a FHIR Bundle of type document) is kept with the person's records,
-- keyed by the person first, with where it is in its delivery: `queued` (to be sent), `delivered`
-- (the practice's FHIR endpoint took it), `failed` (the last attempt failed: `last_error` says why,
-- `next_attempt_at` when it is tried again, NULL when the attempts are used up) or `in-app` (the
-- practice has no FHIR endpoint: its account reads it in the app).
CREATE TABLE gp_document (
  person_id       text        NOT NULL,
  id              text        NOT NULL,
  kind            text        NOT NULL,
  -- What it summarises: "EpisodeOfCare/<id>" for a discharge, "transfer/<id>" for a transfer of care.
  source          text        NOT NULL,
  practice_id     text        NOT NULL,
  bundle          jsonb       NOT NULL,
  status          text        NOT NULL,
  attempts        integer     NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz,
  created_by      text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  delivered_at    timestamptz,
  version         integer     NOT NULL DEFAULT 1,
  PRIMARY KEY (person_id, id),
  CHECK (kind IN ('discharge', 'transfer')),
  CHECK (status IN ('queued', 'delivered', 'failed', 'in-app'))
);
-- One summary per discharge or transfer: a double click, or a second send, finds the first.
CREATE UNIQUE INDEX gp_document_once ON gp_document (person_id, kind, source);
CREATE INDEX gp_document_by_practice ON gp_document (practice_id, created_at);
CREATE INDEX gp_document_due ON gp_document (next_attempt_at) WHERE status IN ('queued', 'failed');
