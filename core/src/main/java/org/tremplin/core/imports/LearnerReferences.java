package org.tremplin.core.imports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.core.privacy.PersonalDataSection;

/**
 * The school's references of its learners and their e-mail addresses (table {@code
 * tremplin_learner_reference}), plus the few reads the imports need on core's tables. Thread-safe;
 * calls inside a transaction join it.
 */
final class LearnerReferences {
  /** A stored reference: the learner and their e-mail (empty when none was given). */
  record Known(LearnerId learner, String email) {}

  private final Jdbi jdbi;

  LearnerReferences(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Every reference of the school, by reference. */
  Map<String, Known> ofSchool(SchoolId school) {
    Map<String, Known> known = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "select reference, learner_id, email from tremplin_learner_reference"
                        + " where school_id = :school")
                .bind("school", school.value())
                .map(
                    (rs, ctx) ->
                        known.put(
                            rs.getString("reference"),
                            new Known(
                                new LearnerId(rs.getObject("learner_id", UUID.class)),
                                rs.getString("email"))))
                .list());
    return known;
  }

  /** The learner the school knows by this reference. */
  Optional<LearnerId> find(SchoolId school, String reference) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select learner_id from tremplin_learner_reference"
                        + " where school_id = :school and reference = :reference")
                .bind("school", school.value())
                .bind("reference", reference)
                .mapTo(UUID.class)
                .findOne()
                .map(LearnerId::new));
  }

  /** Gives a learner their reference (fails if the learner or the reference has one already). */
  void insert(LearnerId learner, SchoolId school, String reference, String email) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into tremplin_learner_reference (learner_id, school_id, reference,"
                        + " email) values (:learner, :school, :reference, :email)")
                .bind("learner", learner.value())
                .bind("school", school.value())
                .bind("reference", reference)
                .bind("email", email)
                .execute());
  }

  /** Changes a learner's e-mail. */
  void updateEmail(LearnerId learner, String email) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update tremplin_learner_reference set email = :email"
                        + " where learner_id = :learner")
                .bind("learner", learner.value())
                .bind("email", email)
                .execute());
  }

  /** The cohorts of the school, ids only. */
  List<CohortId> cohortsOf(SchoolId school) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select id from tremplin_cohort where school_id = :school order by id")
                .bind("school", school.value())
                .mapTo(UUID.class)
                .map(CohortId::new)
                .list());
  }

  /** The cohort of the school the learner joined last (latest joining day), or empty. */
  Optional<CohortId> lastJoined(SchoolId school, LearnerId learner) {
    record Joined(CohortId cohort, LocalDate on) {}
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        "select e.cohort_id, e.event_date from tremplin_enrolment_event e"
                            + " join tremplin_cohort c on c.id = e.cohort_id"
                            + " where e.learner_id = :learner and c.school_id = :school"
                            + " and e.kind = 'JOINED'"
                            + " order by e.event_date desc, c.first_day desc")
                    .bind("learner", learner.value())
                    .bind("school", school.value())
                    .map(
                        (rs, ctx) ->
                            new Joined(
                                new CohortId(rs.getObject("cohort_id", UUID.class)),
                                rs.getObject("event_date", LocalDate.class)))
                    .list())
        .stream()
        .findFirst()
        .map(Joined::cohort);
  }

  /** The personal-data section of the references: exported, and deleted on erasure. */
  static PersonalDataSection section() {
    return PersonalDataSection.sql(
        "schoolReference",
        "select reference, email from tremplin_learner_reference where learner_id = :learner",
        "delete from tremplin_learner_reference where learner_id = :learner");
  }
}
