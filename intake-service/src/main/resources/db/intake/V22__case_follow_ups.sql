-- The help desk's next step with the person of a case: a day and what it is (an appointment at the help desk,
-- a call back, something to check), for the volunteers' lists and calendars. No free text: the details go in the
-- case's follow-up notes, encrypted.
CREATE TABLE case_follow_ups (
  case_id        uuid PRIMARY KEY REFERENCES cases,
  association_id uuid NOT NULL REFERENCES associations,
  due_on         date NOT NULL,
  kind           text NOT NULL,
  set_by         text NOT NULL,
  set_at         timestamptz NOT NULL
);
CREATE INDEX case_follow_ups_by_day ON case_follow_ups (association_id, due_on);
