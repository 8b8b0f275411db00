-- Read-side indexes at national scale (issue 14, item 7; ADR 0014; docs/benchmarks.md).
-- A cohort's dashboard counts the cohort's open alerts (cohort_id and status): the alerts table
-- grows by every signal raised for every learner, and only (learner_id, status) was indexed.
create index tremplin_alert_cohort on tremplin_alert (cohort_id, status);
