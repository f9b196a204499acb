-- Links through which a person completes an outcome measure without a staff account (issue 7).
-- Only the SHA-256 of the link's random token is kept: the link itself is shown once, to the staff
-- member who made it. Keyed by person first, like every clinical table. A link works once, until
-- it expires; `response_id` is the QuestionnaireResponse it was used for.
CREATE TABLE measure_link (
  person_id    text        NOT NULL,
  token_hash   text        NOT NULL,
  instrument   text        NOT NULL,
  created_by   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  response_id  text,
  PRIMARY KEY (person_id, token_hash),
  CHECK ((used_at IS NULL) = (response_id IS NULL))
);
-- The person opens the link knowing only the token.
CREATE INDEX measure_link_by_token ON measure_link (token_hash);
