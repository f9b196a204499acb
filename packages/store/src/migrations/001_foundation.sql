-- Foundation: FHIR records held per person, shared records, the person projection, staff accounts,
-- sessions, break-glass access and the append-only audit log.
--
-- Distribution: every person-scoped table is keyed by person_id first, so it can be distributed by
-- it (Citus). Lookups by resource id use a separate index; on a distributed deployment that index
-- is local to each shard and id uniqueness is kept by the importer, which refuses to move an id
-- from one person to another.

CREATE TABLE record (
  person_id     text        NOT NULL,
  resource_type text        NOT NULL,
  id            text        NOT NULL,
  version_id    integer     NOT NULL DEFAULT 1,
  last_updated  timestamptz NOT NULL DEFAULT now(),
  content_hash  text        NOT NULL,
  occurred_at   timestamptz,
  status        text,
  resource      jsonb       NOT NULL,
  PRIMARY KEY (person_id, resource_type, id)
) PARTITION BY LIST (resource_type);

CREATE TABLE record_patient                   PARTITION OF record FOR VALUES IN ('Patient');
CREATE TABLE record_related_person            PARTITION OF record FOR VALUES IN ('RelatedPerson');
CREATE TABLE record_care_team                 PARTITION OF record FOR VALUES IN ('CareTeam');
CREATE TABLE record_service_request           PARTITION OF record FOR VALUES IN ('ServiceRequest');
CREATE TABLE record_episode_of_care           PARTITION OF record FOR VALUES IN ('EpisodeOfCare');
CREATE TABLE record_appointment               PARTITION OF record FOR VALUES IN ('Appointment');
CREATE TABLE record_encounter                 PARTITION OF record FOR VALUES IN ('Encounter');
CREATE TABLE record_condition                 PARTITION OF record FOR VALUES IN ('Condition');
CREATE TABLE record_medication_request        PARTITION OF record FOR VALUES IN ('MedicationRequest');
CREATE TABLE record_medication_statement      PARTITION OF record FOR VALUES IN ('MedicationStatement');
CREATE TABLE record_medication_administration PARTITION OF record FOR VALUES IN ('MedicationAdministration');
CREATE TABLE record_observation               PARTITION OF record FOR VALUES IN ('Observation');
CREATE TABLE record_questionnaire_response    PARTITION OF record FOR VALUES IN ('QuestionnaireResponse');
CREATE TABLE record_goal                      PARTITION OF record FOR VALUES IN ('Goal');
CREATE TABLE record_care_plan                 PARTITION OF record FOR VALUES IN ('CarePlan');
CREATE TABLE record_flag                      PARTITION OF record FOR VALUES IN ('Flag');
CREATE TABLE record_communication             PARTITION OF record FOR VALUES IN ('Communication');
CREATE TABLE record_consent                   PARTITION OF record FOR VALUES IN ('Consent');

CREATE UNIQUE INDEX record_by_id ON record (resource_type, id);

-- Organisations (trust, teams, GP practices, partners), practitioners and their roles: reference
-- data shared by everyone (a Citus reference table).
CREATE TABLE shared_record (
  resource_type text        NOT NULL,
  id            text        NOT NULL,
  version_id    integer     NOT NULL DEFAULT 1,
  last_updated  timestamptz NOT NULL DEFAULT now(),
  content_hash  text        NOT NULL,
  status        text,
  resource      jsonb       NOT NULL,
  PRIMARY KEY (resource_type, id)
);

-- What search, the person record and equity breakdowns read; rebuilt from the Patient on every write.
CREATE TABLE person (
  person_id            text PRIMARY KEY,
  nhs_number           text,
  family_name          text,
  given_names          text,
  birth_date           text,
  gender               text,
  deceased_at          timestamptz,
  postcode             text,
  ethnic_category      text,
  sexual_orientation   text,
  gender_identity      text,
  religion             text,
  disabilities         text[] NOT NULL DEFAULT '{}',
  first_language       text,
  interpreter_required boolean,
  accommodation_status text,
  gp_practice_id       text,
  phone                text
);
CREATE INDEX person_by_nhs_number ON person (nhs_number);
CREATE INDEX person_by_family_name ON person (lower(family_name) text_pattern_ops);
CREATE INDEX person_by_given_names ON person (lower(given_names) text_pattern_ops);
CREATE INDEX person_by_birth_date ON person (birth_date);

CREATE TABLE app_user (
  id              text PRIMARY KEY,
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  role            text NOT NULL CHECK (role IN ('key-worker', 'team-manager', 'prescriber', 'crisis-line',
                                                'partner-agency', 'board-analyst', 'admin')),
  practitioner_id text,
  organisation_id text,
  password_hash   text,
  active          boolean NOT NULL DEFAULT true,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user_team (
  user_id text NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  team_id text NOT NULL,
  PRIMARY KEY (user_id, team_id)
);

CREATE TABLE app_session (
  token_hash   text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE break_glass (
  person_id  text        NOT NULL,
  id         bigint GENERATED ALWAYS AS IDENTITY,
  user_id    text        NOT NULL REFERENCES app_user (id),
  reason     text        NOT NULL CHECK (length(trim(reason)) >= 10),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (person_id, id)
);
CREATE INDEX break_glass_by_user ON break_glass (user_id, person_id, expires_at);

-- Who did what to whose record, when, and on what basis. Never updated or deleted.
CREATE TABLE audit_event (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id      text        NOT NULL,
  actor_role    text        NOT NULL,
  action        text        NOT NULL,
  person_id     text,
  resource_type text,
  resource_id   text,
  basis         text        NOT NULL,
  reason        text,
  outcome       text        NOT NULL CHECK (outcome IN ('allowed', 'refused')),
  detail        jsonb
);
CREATE INDEX audit_event_by_person ON audit_event (person_id, at);
CREATE INDEX audit_event_by_actor ON audit_event (actor_id, at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
