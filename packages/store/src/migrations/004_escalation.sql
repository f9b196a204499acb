-- The assertive-engagement ladder (issue 4, part 4): the steps taken and due for a person on the
-- disengaged worklist, as tasks with owners and due dates, and the MDT's decisions with the date
-- they must be reviewed by. App tables, not FHIR: they are how the team works the list. Keyed by
-- person first, like every clinical table. Step codes are the domain's (escalation-ladder.ts), not
-- fixed here, so the ladder can change without a migration. Dates are days in England.
CREATE TABLE engagement_task (
  person_id    text        NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  step         text        NOT NULL,
  owner_id     text        NOT NULL REFERENCES app_user (id),
  due_date     date        NOT NULL,
  status       text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  outcome      text,
  created_by   text        NOT NULL REFERENCES app_user (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  completed_by text        REFERENCES app_user (id),
  completed_at timestamptz,
  version      integer     NOT NULL DEFAULT 1,
  PRIMARY KEY (person_id, id),
  CHECK ((status = 'open') = (completed_at IS NULL))
);
CREATE INDEX engagement_task_by_owner ON engagement_task (owner_id) WHERE status = 'open';

CREATE TABLE engagement_decision (
  person_id   text        NOT NULL,
  id          bigint GENERATED ALWAYS AS IDENTITY,
  decided_on  date        NOT NULL,
  decision    text        NOT NULL CHECK (length(trim(decision)) > 0),
  review_on   date        NOT NULL,
  recorded_by text        NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, id),
  CHECK (review_on > decided_on)
);
