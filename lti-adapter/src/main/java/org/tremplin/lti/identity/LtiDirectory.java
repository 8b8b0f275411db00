package org.tremplin.lti.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.launch.CourseContext;

/**
 * The links between platforms and Tremplin, in the database so every node sees them (LTI.md §3):
 * platform users → persons (the actor id of audit trails) and learners, courses → cohorts,
 * platforms → the school they serve. Links are written once and never silently re-pointed: linking
 * an already linked user or course elsewhere is {@code LTI_LINK_CONFLICT}. Thread-safe; concurrent
 * first launches of one user end with one person.
 */
public final class LtiDirectory {
  private final UnitOfWork database;
  private final Clock clock;

  /**
   * On core's unit of work, once the adapter's tables are installed ({@code LtiSchema}).
   *
   * @param database the database (unit of work)
   * @param clock the clock read for "now"
   */
  public LtiDirectory(UnitOfWork database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * The person id of this platform user, created on first sight (a random UUID: stable, and it
   * reveals nothing of the platform's {@code sub}).
   *
   * @param user the user
   * @return the person id of this platform user, created on first sight (a random UUID: stable, and
   *     it reveals nothing of the platform's {@code sub})
   */
  public String personOf(PlatformUser user) {
    Optional<String> known = database.read(h -> findPerson(h, user));
    if (known.isPresent()) {
      return known.get();
    }
    String fresh = UUID.randomUUID().toString();
    try {
      database.inTransaction(h -> insertPerson(h, user, fresh));
      return fresh;
    } catch (RuntimeException e) {
      if (!UnitOfWork.isUniqueViolation(e)) {
        throw e;
      }
      // another node created it first: use theirs
      return database
          .read(h -> findPerson(h, user))
          .orElseThrow(() -> new TremplinException(ErrorCode.STORE_FAILURE, "person vanished", e));
    }
  }

  /**
   * Links this platform user to a known person id (seeding, or a person moving between platforms).
   *
   * @param user the user
   * @param personId the person id
   * @throws LtiException {@code LTI_LINK_CONFLICT} when the user is already another person
   */
  public void linkPerson(PlatformUser user, String personId) {
    TremplinException.requiredText(personId, "person id");
    database.inTransaction(
        h -> {
          Optional<String> known = findPerson(h, user);
          if (known.isEmpty()) {
            return insertPerson(h, user, personId);
          }
          if (!known.get().equals(personId)) {
            throw new LtiException(
                LtiErrorCode.LTI_LINK_CONFLICT, "this platform user is already another person");
          }
          return 0;
        });
  }

  /**
   * The learner record of this platform user, when they are linked to one.
   *
   * @param user the user
   * @return the learner record of this platform user, when they are linked to one
   */
  public Optional<LearnerId> learnerOf(PlatformUser user) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select learner_id from tremplin_lti_person
                    where issuer = :iss and client_id = :client and sub = :sub
                    """)
                .bind("iss", user.issuer())
                .bind("client", user.clientId())
                .bind("sub", user.sub())
                .map((rs, ctx) -> rs.getObject("learner_id", UUID.class))
                .findOne()
                .filter(id -> id != null)
                .map(LearnerId::new));
  }

  /**
   * Links this platform user to a learner record (creating the person if needed).
   *
   * @param user the user
   * @param learner the learner
   * @throws LtiException {@code LTI_LINK_CONFLICT} when the user is already linked to another
   *     learner
   */
  public void linkLearner(PlatformUser user, LearnerId learner) {
    String person = personOf(user);
    database.inTransaction(
        h -> {
          Optional<LearnerId> current = learnerOf(user);
          if (current.isPresent() && !current.get().equals(learner)) {
            throw new LtiException(
                LtiErrorCode.LTI_LINK_CONFLICT, "this platform user is already another learner");
          }
          return h.createUpdate(
                  """
                  update tremplin_lti_person set learner_id = :learner
                  where issuer = :iss and client_id = :client and sub = :sub and person_id = :person
                  """)
              .bind("learner", learner.value())
              .bind("iss", user.issuer())
              .bind("client", user.clientId())
              .bind("sub", user.sub())
              .bind("person", person)
              .execute();
        });
  }

  /**
   * The learners these platform users are linked to (e.g. a mentor's {@code role_scope_mentor}).
   *
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param subs the subs
   * @return the learners these platform users are linked to (e.g
   */
  public List<LearnerId> learnersOf(String issuer, String clientId, List<String> subs) {
    if (subs.isEmpty()) {
      return List.of();
    }
    return database.read(
        h ->
            h.createQuery(
                    """
                    select learner_id from tremplin_lti_person
                    where issuer = :iss and client_id = :client and sub in (<subs>)
                      and learner_id is not null
                    order by learner_id
                    """)
                .bind("iss", issuer)
                .bind("client", clientId)
                .bindList("subs", subs)
                .map((rs, ctx) -> new LearnerId(rs.getObject("learner_id", UUID.class)))
                .list());
  }

  /**
   * The cohort this course is linked to, if any.
   *
   * @param course the course
   * @return the cohort this course is linked to, if any
   */
  public Optional<CohortId> cohortOf(CourseContext course) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select cohort_id from tremplin_lti_context
                    where issuer = :iss and client_id = :client and deployment_id = :dep
                      and context_id = :ctx
                    """)
                .bind("iss", course.issuer())
                .bind("client", course.clientId())
                .bind("dep", course.deploymentId())
                .bind("ctx", course.contextId())
                .map((rs, ctx) -> new CohortId(rs.getObject("cohort_id", UUID.class)))
                .findOne());
  }

  /**
   * Links a course to a cohort; linking it again to the same cohort does nothing.
   *
   * @param linkedBy the person id of whoever linked it (kept for the audit)
   * @param course the course
   * @param cohort the cohort
   * @throws LtiException {@code LTI_LINK_CONFLICT} when the course is already linked to another
   *     cohort
   */
  public void linkCourse(CourseContext course, CohortId cohort, String linkedBy) {
    try {
      database.inTransaction(
          h -> {
            Optional<CohortId> current = cohortOf(course);
            if (current.isPresent()) {
              if (!current.get().equals(cohort)) {
                throw new LtiException(
                    LtiErrorCode.LTI_LINK_CONFLICT,
                    "this course is already linked to another cohort");
              }
              return 0;
            }
            return h.createUpdate(
                    """
                    insert into tremplin_lti_context
                      (issuer, client_id, deployment_id, context_id, cohort_id, linked_by, linked_at)
                    values (:iss, :client, :dep, :ctx, :cohort, :by, :at)
                    """)
                .bind("iss", course.issuer())
                .bind("client", course.clientId())
                .bind("dep", course.deploymentId())
                .bind("ctx", course.contextId())
                .bind("cohort", cohort.value())
                .bind("by", linkedBy)
                .bind("at", UnitOfWork.timestamp(clock.instant()))
                .execute();
          });
    } catch (RuntimeException e) {
      if (UnitOfWork.isUniqueViolation(e) && cohortOf(course).equals(Optional.of(cohort))) {
        return; // a concurrent link to the same cohort: the same outcome
      }
      if (UnitOfWork.isUniqueViolation(e)) {
        throw new LtiException(
            LtiErrorCode.LTI_LINK_CONFLICT, "this course is already linked to another cohort", e);
      }
      throw e;
    }
  }

  /**
   * The school this platform registration serves, when bound.
   *
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @return the school this platform registration serves, when bound
   */
  public Optional<SchoolId> schoolOf(String issuer, String clientId) {
    return database.read(
        h ->
            h.createQuery(
                    """
                    select school_id from tremplin_lti_platform_school
                    where issuer = :iss and client_id = :client
                    """)
                .bind("iss", issuer)
                .bind("client", clientId)
                .map((rs, ctx) -> new SchoolId(rs.getObject("school_id", UUID.class)))
                .findOne());
  }

  /**
   * Binds (or re-binds) a platform registration to the school it serves.
   *
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param school the school
   */
  public void bindSchool(String issuer, String clientId, SchoolId school) {
    database.inTransaction(
        h -> {
          h.createUpdate(
                  "delete from tremplin_lti_platform_school where issuer = :iss and client_id = :c")
              .bind("iss", issuer)
              .bind("c", clientId)
              .execute();
          return h.createUpdate(
                  """
                  insert into tremplin_lti_platform_school (issuer, client_id, school_id)
                  values (:iss, :c, :school)
                  """)
              .bind("iss", issuer)
              .bind("c", clientId)
              .bind("school", school.value())
              .execute();
        });
  }

  private static Optional<String> findPerson(Handle h, PlatformUser user) {
    return h.createQuery(
            """
            select person_id from tremplin_lti_person
            where issuer = :iss and client_id = :client and sub = :sub
            """)
        .bind("iss", user.issuer())
        .bind("client", user.clientId())
        .bind("sub", user.sub())
        .mapTo(String.class)
        .findOne();
  }

  private int insertPerson(Handle h, PlatformUser user, String personId) {
    return h.createUpdate(
            """
            insert into tremplin_lti_person (issuer, client_id, sub, person_id, created_at)
            values (:iss, :client, :sub, :person, :at)
            """)
        .bind("iss", user.issuer())
        .bind("client", user.clientId())
        .bind("sub", user.sub())
        .bind("person", personId)
        .bind("at", UnitOfWork.timestamp(clock.instant()))
        .execute();
  }
}
