-- Governance content the board edits (issue 8): the ICB self-assessment's answers, the action plan,
-- and incidents with their learning. Trust-level, so not keyed by person_id (Citus reference tables
-- if ever distributed). Each row carries a version: an edit names the version it was made on, and one made
-- on an older version is refused (409), never silently overwritten.

-- One row per question answered; a question never answered has no row (version 0 to the API).
-- question_id is the tool's "domain.n" (packages/domain/src/governance/self-assessment-tool.ts).
CREATE TABLE self_assessment_answer (
  question_id text        PRIMARY KEY,
  -- The box ticked on the tool's four-point scale (called "answer", not "rating", so that no column
  -- anywhere is named like a score or a rating, which the guard against risk scores forbids).
  answer      text        CHECK (answer IN ('action-needed', 'action-in-hand', 'needs-improvement', 'working-well')),
  category    text        CHECK (category IN ('essential', 'enhancing', 'desirable')),
  comments    text,
  version     integer     NOT NULL DEFAULT 1,
  updated_by  text        NOT NULL REFERENCES app_user (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Serious incidents, complaints and compliments (SPEC C17), each about a team and, when it concerns
-- one, a person. Trust-level like the rest of this file: most carry no person, so it is not keyed by
-- person_id; person_id is indexed so a person's incidents can be found (and, distributed, it would
-- stay a reference table). themes are codes from incident-themes.ts (the CMOCs of 000_* Table 3).
CREATE TABLE incident (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text        NOT NULL CHECK (kind IN ('serious-incident', 'complaint', 'compliment')),
  person_id   text,
  team_id     text        NOT NULL,
  occurred_on date        NOT NULL,
  summary     text        NOT NULL CHECK (length(trim(summary)) > 0),
  themes      text[]      NOT NULL DEFAULT '{}',
  status      text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  version     integer     NOT NULL DEFAULT 1,
  created_by  text        NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text        NOT NULL REFERENCES app_user (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_by_person ON incident (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX incident_by_occurred ON incident (occurred_on);

-- The Findings and Actions Table (003_* lines 1133-1152): an action answers a finding in a domain
-- (optionally one question) or is the learning from an incident, with an owner in words (who is
-- responsible need not have an account), a due date, a status and the evidence that shows it done.
CREATE TABLE governance_action (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  domain      integer     CHECK (domain BETWEEN 1 AND 14),
  question_id text,
  incident_id bigint      REFERENCES incident (id),
  finding     text,
  action      text        NOT NULL CHECK (length(trim(action)) > 0),
  owner       text        NOT NULL CHECK (length(trim(owner)) > 0),
  due_date    date        NOT NULL,
  status      text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done')),
  evidence    text,
  version     integer     NOT NULL DEFAULT 1,
  created_by  text        NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text        NOT NULL REFERENCES app_user (id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (domain IS NOT NULL OR incident_id IS NOT NULL)
);
-- The overdue list: actions not done, by due date.
CREATE INDEX governance_action_open_by_due ON governance_action (due_date) WHERE status <> 'done';
CREATE INDEX governance_action_by_incident ON governance_action (incident_id) WHERE incident_id IS NOT NULL;
