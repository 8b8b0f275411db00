package org.tremplin.core.dataset;

import java.util.List;

/** The tables a generation writes, in the order their rows are written (parents first). */
enum Table {
  SCHOOL("tremplin_school", "id", "name", "departement", "created_at"),
  COHORT(
      "tremplin_cohort",
      "id",
      "school_id",
      "name",
      "first_day",
      "last_day",
      "template_id",
      "template_version",
      "capacity",
      "created_at"),
  CLOSURE("tremplin_cohort_closure", "cohort_id", "first_day", "last_day"),
  LEARNER("tremplin_learner", "id", "school_id", "given_name", "family_name", "created_at"),
  TEST_ACCOUNT("tremplin_test_account", "learner_id", "marked_by", "marked_at"),
  ENROLMENT(
      "tremplin_enrolment_event",
      "cohort_id",
      "learner_id",
      "seq",
      "kind",
      "event_date",
      "reason",
      "recorded_by",
      "recorded_at"),
  ATTENDANCE(
      "tremplin_attendance",
      "cohort_id",
      "learner_id",
      "half_day_date",
      "part",
      "version",
      "mark",
      "late_minutes",
      "recorded_by",
      "recorded_at",
      "reason"),
  EVIDENCE(
      "tremplin_evidence",
      "id",
      "seq",
      "cohort_id",
      "learner_id",
      "competency",
      "criterion",
      "source",
      "result",
      "assessor",
      "assessed_on",
      "comment",
      "recorded_at"),
  MILESTONE(
      "tremplin_block_milestone",
      "cohort_id",
      "learner_id",
      "block_code",
      "kind",
      "completed_on",
      "recorded_by",
      "recorded_at"),
  REFERENT(
      "tremplin_referent", "learner_id", "seq", "coach_id", "since", "assigned_by", "assigned_at"),
  MEETING(
      "tremplin_coaching_meeting",
      "id",
      "cohort_id",
      "learner_id",
      "planned_for",
      "status",
      "missed_by",
      "note",
      "confidential_note",
      "planned_by",
      "updated_by",
      "updated_at"),
  BARRIER(
      "tremplin_barrier",
      "id",
      "cohort_id",
      "learner_id",
      "category",
      "severity",
      "opened_on",
      "description"),
  BARRIER_STATUS(
      "tremplin_barrier_status",
      "barrier_id",
      "seq",
      "status",
      "changed_on",
      "note",
      "recorded_by",
      "recorded_at"),
  CONTRACT(
      "tremplin_insertion_contract",
      "learner_id",
      "structure_kind",
      "starts_on",
      "initial_end",
      "weekly_hours",
      "extension_reason",
      "recorded_by",
      "recorded_at"),
  RENEWAL(
      "tremplin_contract_renewal",
      "learner_id",
      "seq",
      "signed_on",
      "new_end",
      "weekly_hours",
      "recorded_by",
      "recorded_at"),
  PASS("tremplin_pass_iae", "learner_id", "pass_number", "starts_on", "recorded_by", "recorded_at"),
  EXIT(
      "tremplin_exit",
      "cohort_id",
      "learner_id",
      "version",
      "left_on",
      "situation",
      "contract_months",
      "category",
      "dynamic_exit",
      "rules_version",
      "reason",
      "recorded_by",
      "recorded_at"),
  FOLLOW_UP(
      "tremplin_exit_follow_up",
      "cohort_id",
      "learner_id",
      "observed_on",
      "situation",
      "contract_months",
      "category",
      "dynamic_exit",
      "rules_version",
      "recorded_by",
      "recorded_at"),
  FUNDER_FACTS(
      "tremplin_funder_facts",
      "learner_id",
      "version",
      "declared_on",
      "sex",
      "birth_date",
      "diploma_level",
      "qpv_resident",
      "neet_at_entry",
      "jobseeker_registered",
      "recorded_by",
      "recorded_at"),
  CERTIFICATION(
      "tremplin_certification_result",
      "learner_id",
      "version",
      "session_on",
      "outcome",
      "blocks",
      "recorded_by",
      "recorded_at");

  final String table;
  final List<String> columns;

  Table(String table, String... columns) {
    this.table = table;
    this.columns = List.of(columns);
  }

  /** {@code insert into t (a, b) values (?, ?)}. */
  String insert() {
    return "insert into "
        + table
        + " ("
        + String.join(", ", columns)
        + ") values ("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
        + ")";
  }

  /** {@code copy t (a, b) from stdin}. */
  String copy() {
    return "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
  }
}
