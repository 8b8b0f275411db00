-- The GEN indicators find a learner's cohorts from the learner (the cohort they joined last for a
-- certification result) — the primary key starts with the cohort.
create index tremplin_enrolment_event_learner
  on tremplin_enrolment_event (learner_id, kind, event_date);
