package org.tremplin.api;

/**
 * Stable codes carried by every {@link TremplinException}. Codes never change meaning once
 * released; clients and tests match on them, never on message text.
 *
 * <p>Thread-safe (immutable enum).
 */
public enum ErrorCode {
  /** An argument is missing, malformed or out of range. */
  INVALID_ARGUMENT(Kind.INVALID),
  /** No school has this id. */
  SCHOOL_NOT_FOUND(Kind.NOT_FOUND),
  /** No cohort has this id. */
  COHORT_NOT_FOUND(Kind.NOT_FOUND),
  /** No learner has this id. */
  LEARNER_NOT_FOUND(Kind.NOT_FOUND),
  /** No programme template has this id and version. */
  TEMPLATE_NOT_FOUND(Kind.NOT_FOUND),
  /** No certification version has this reference. */
  CERTIFICATION_NOT_FOUND(Kind.NOT_FOUND),
  /** A département code is not a French département. */
  UNKNOWN_DEPARTEMENT(Kind.INVALID),
  /** A template document is not well-formed JSON or misses a required field. */
  TEMPLATE_MALFORMED(Kind.INVALID),
  /** A template unit refers to a competency that its certification version does not have. */
  TEMPLATE_UNKNOWN_COMPETENCY(Kind.INVALID),
  /** Two template phases cover the same week. */
  TEMPLATE_PHASES_OVERLAP(Kind.INVALID),
  /** Template phases leave a week uncovered between them. */
  TEMPLATE_PHASES_GAP(Kind.INVALID),
  /** The units of a phase need more hours than the phase (or the cohort calendar) offers. */
  TEMPLATE_HOURS_EXCEED_CALENDAR(Kind.INVALID),
  /** A template is inconsistent in another way (duplicate codes, empty phases...). */
  TEMPLATE_INVALID(Kind.INVALID),
  /** A date range ends before it starts or is otherwise unusable. */
  CALENDAR_INVALID_RANGE(Kind.INVALID),
  /** The template's phases do not fit between the cohort's start and end dates. */
  COHORT_TEMPLATE_EXCEEDS_RANGE(Kind.INVALID),
  /** The cohort already has as many enrolled learners as its capacity. */
  COHORT_FULL(Kind.CONFLICT),
  /** The learner is already enrolled in this cohort. */
  ENROLMENT_ALREADY_ENROLLED(Kind.CONFLICT),
  /** The learner is not enrolled in this cohort (on that date). */
  ENROLMENT_NOT_ENROLLED(Kind.CONFLICT),
  /** The learner cannot re-enter: they never left, or never joined. */
  ENROLMENT_NOT_LEFT(Kind.CONFLICT),
  /** An enrolment event is dated before the previous one. */
  ENROLMENT_DATE_OUT_OF_ORDER(Kind.INVALID),
  /** An enrolment event is dated outside the cohort's dates. */
  ENROLMENT_DATE_OUTSIDE_COHORT(Kind.INVALID),
  /** Attendance names a day that is not a working day of the cohort calendar. */
  ATTENDANCE_DAY_NOT_IN_CALENDAR(Kind.INVALID),
  /** Attendance names a half-day that is still in the future. */
  ATTENDANCE_IN_FUTURE(Kind.INVALID),
  /** The half-day was already recorded for this learner; use a correction. */
  ATTENDANCE_ALREADY_RECORDED(Kind.CONFLICT),
  /** A correction names a half-day that was never recorded. */
  ATTENDANCE_NOT_RECORDED(Kind.CONFLICT),
  /** The same learner and half-day appear twice in one batch. */
  ATTENDANCE_DUPLICATE_IN_BATCH(Kind.INVALID),
  /** Attendance or evidence for a learner who was not enrolled on that date. */
  LEARNER_NOT_ENROLLED(Kind.CONFLICT),
  /** Evidence names a competency that the cohort's certification version does not have. */
  EVIDENCE_UNKNOWN_COMPETENCY(Kind.INVALID),
  /** Evidence names a performance criterion that the certification version does not have. */
  EVIDENCE_UNKNOWN_CRITERION(Kind.INVALID),
  /** A block code is not a block of the cohort's certification version. */
  EVIDENCE_UNKNOWN_BLOCK(Kind.INVALID),
  /** Evidence or an assessment is dated in the future. */
  EVIDENCE_IN_FUTURE(Kind.INVALID),
  /** No such project (or not one of the caller's cohort), or no such milestone in it. */
  PROJECT_NOT_FOUND(Kind.NOT_FOUND),
  /** No such client organisation in the cohort's school. */
  CLIENT_ORGANISATION_NOT_FOUND(Kind.NOT_FOUND),
  /** The project was delivered already: its team, milestones and delivery are final. */
  PROJECT_ALREADY_DELIVERED(Kind.CONFLICT),
  /** A project without a team or without competencies cannot be delivered. */
  PROJECT_TEAM_EMPTY(Kind.INVALID),
  /** A criterion code is not in the criteria list in force on the diagnosis date. */
  ELIGIBILITY_UNKNOWN_CRITERION(Kind.INVALID),
  /** No version of the criteria list applies on that date. */
  ELIGIBILITY_NO_CRITERIA_VERSION(Kind.INVALID),
  /** CDD and temporary work exits need the contract's length to be classified. */
  EXIT_CONTRACT_LENGTH_REQUIRED(Kind.INVALID),
  /** No alert has this id. */
  ALERT_NOT_FOUND(Kind.NOT_FOUND),
  /** The alert is resolved already; a new occurrence raises a new alert. */
  ALERT_ALREADY_RESOLVED(Kind.CONFLICT),
  /** The actor's role and scope do not allow the operation on that data. */
  ACCESS_DENIED(Kind.FORBIDDEN),
  /** No coaching meeting of this learner has this id. */
  MEETING_NOT_FOUND(Kind.NOT_FOUND),
  /** The meeting's outcome (held or missed) was already recorded. */
  MEETING_OUTCOME_ALREADY_RECORDED(Kind.CONFLICT),
  /** No barrier of this learner has this id. */
  BARRIER_NOT_FOUND(Kind.NOT_FOUND),
  /** The barrier was resolved or abandoned; its status no longer changes. */
  BARRIER_CLOSED(Kind.CONFLICT),
  /** No action-plan objective of this learner has this id. */
  OBJECTIVE_NOT_FOUND(Kind.NOT_FOUND),
  /** No action of this learner's plan has this id. */
  ACTION_NOT_FOUND(Kind.NOT_FOUND),
  /** The action is already done or cancelled. */
  ACTION_ALREADY_CLOSED(Kind.CONFLICT),
  /** A company immersion (PMSMP) lasts longer than one month. */
  IMMERSION_TOO_LONG(Kind.INVALID),
  /** A diagnosis, an exit or a follow-up is dated after today. */
  INSERTION_DATE_IN_FUTURE(Kind.INVALID),
  /** The learner already has an insertion contract; amend it (renewal, suspension) instead. */
  CONTRACT_ALREADY_RECORDED(Kind.CONFLICT),
  /** An amendment names a contract that was never recorded. */
  CONTRACT_NOT_RECORDED(Kind.CONFLICT),
  /** The learner already has a PASS IAE; amend it (suspension, prolongation) instead. */
  PASS_ALREADY_RECORDED(Kind.CONFLICT),
  /** An amendment names a PASS IAE that was never recorded. */
  PASS_NOT_RECORDED(Kind.CONFLICT),
  /** The learner's exit from this cohort is already recorded; correct it with a reason instead. */
  EXIT_ALREADY_RECORDED(Kind.CONFLICT),
  /** A correction or a follow-up names an exit that was never recorded. */
  EXIT_NOT_RECORDED(Kind.CONFLICT),
  /** The follow-up of this exit is already recorded. */
  FOLLOW_UP_ALREADY_RECORDED(Kind.CONFLICT),
  /** The follow-up is observed before six months have passed since the exit. */
  FOLLOW_UP_NOT_DUE(Kind.INVALID),
  /** The database failed; nothing was written. */
  STORE_FAILURE(Kind.INTERNAL),
  /** No API token has this id. */
  TOKEN_NOT_FOUND(Kind.NOT_FOUND),
  /**
   * The presented API token is not accepted: malformed, unknown, revoked or expired (one code for
   * all, so that a caller learns nothing about which).
   */
  TOKEN_INVALID(Kind.UNAUTHENTICATED);

  private final Kind kind;

  ErrorCode(Kind kind) {
    this.kind = kind;
  }

  /**
   * What kind of failure this is: the caller's input, a missing thing, a conflict, or ours.
   *
   * @return what kind of failure this is: the caller's input, a missing thing, a conflict, or ours
   */
  public Kind kind() {
    return kind;
  }

  /** The broad classes of failure, for mapping to HTTP statuses or exit codes. */
  public enum Kind {
    /** The input is malformed or breaks a rule (HTTP 400/422). */
    INVALID,
    /** What the input names does not exist (HTTP 404). */
    NOT_FOUND,
    /** The input conflicts with the current state (HTTP 409). */
    CONFLICT,
    /** The actor may not do this (HTTP 403). */
    FORBIDDEN,
    /** The caller's credentials are not accepted (HTTP 401). */
    UNAUTHENTICATED,
    /** Tremplin or its database failed (HTTP 500). */
    INTERNAL
  }
}
