package org.tremplin.examples.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.lti.launch.CourseContext;

/**
 * Puts the demo into a database, as of the clock's day: the {@link DemoDataset} for a cohort
 * running today ({@link DemoDataset#live}) on first start (the demo school, found by name and
 * département, marks it as done); on a later start the school's newest cohort if it still runs
 * today, its attendance topped up to yesterday ({@link DemoDataset#topUp}); else (an old demo
 * database, e.g. the cohort of 2025-09-01 to 2026-06-30 opened in December 2026) a new cohort of
 * the live plan in the same school: the database is re-dated by adding a cohort, never by rewriting
 * recorded dates (attendance is append-only), and the old cohort stays as history. Then, on every
 * start, the links that let the demo LMS launch into the current cohort — the platform bound to the
 * demo school, the demo course (its context id follows the cohort: {@link
 * DemoDataset.Plan#contextId}) linked to the cohort, each learner's platform user linked to their
 * learner record, and the trainer, coach and manager linked to the dataset's actors ({@code
 * trainer-demo}, {@code coach-demo}, {@code manager-demo}). Every step is idempotent, so a restart
 * on the same day (even on another base URL, hence another issuer) duplicates nothing. The coach
 * becomes every learner's referent, so their caseload is the cohort. Stateless.
 */
public final class DemoSeed {
  /** The trainer's {@code sub} at the demo platform. */
  public static final String TRAINER_SUB = "demo-trainer";

  /** The coach's {@code sub} at the demo platform. */
  public static final String COACH_SUB = "demo-coach";

  /** The manager's {@code sub} at the demo platform. */
  public static final String MANAGER_SUB = "demo-manager";

  /** Prefix of a learner's {@code sub}, followed by their learner id. */
  public static final String LEARNER_SUB_PREFIX = "demo-learner-";

  private DemoSeed() {}

  /** What the start found in the database. */
  public enum Outcome {
    /** No demo school: the dataset was written. */
    CREATED,
    /** The demo school's newest cohort runs today: kept, its attendance topped up. */
    REUSED,
    /** The demo school's cohorts have all ended (or not begun): a new cohort was written. */
    REDATED
  }

  /**
   * What the seeding found or made.
   *
   * @param roster the members of the demo course
   * @param cohort the demo cohort the course is linked to (its dates include the seeding day)
   * @param outcome what the seeding did
   */
  public record Seeded(DemoRoster roster, Cohort cohort, Outcome outcome) {
    /** Whether the dataset was written by this call (false: the demo school was already there). */
    public boolean created() {
      return outcome == Outcome.CREATED;
    }
  }

  /**
   * Loads the dataset unless the demo school exists, re-dates it when its cohort does not run
   * today, then links the platform's users and course.
   *
   * @param tremplin the domain engine on the tool's database, reading its time from {@code clock}
   * @param directory the tool's LTI links on the same database
   * @param platform the demo platform
   * @param clock what "today" is (Paris)
   */
  public static Seeded seed(
      Tremplin tremplin, LtiDirectory directory, DemoPlatform platform, Clock clock) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), DemoDataset.ZONE);
    DemoDataset.Plan plan = DemoDataset.live(clock);
    Optional<School> existing =
        tremplin.schools().list().stream()
            .filter(
                s ->
                    s.name().equals(DemoDataset.SCHOOL_NAME)
                        && s.departement().equals(DemoDataset.DEPARTEMENT))
            .findFirst();
    Outcome outcome;
    School school;
    Cohort cohort;
    if (existing.isEmpty()) {
      DemoDataset.Demo demo = DemoDataset.load(tremplin, plan);
      school = demo.school();
      cohort = demo.cohort();
      outcome = Outcome.CREATED;
    } else {
      school = existing.get();
      Optional<Cohort> newest =
          tremplin.cohorts().bySchool(DemoDataset.ADMIN, school.id()).stream()
              .max(Comparator.comparing((Cohort c) -> c.range().first()));
      if (newest.isPresent() && newest.get().range().contains(today)) {
        cohort = newest.get();
        DemoDataset.topUp(tremplin, cohort, plan.lastDay());
        outcome = Outcome.REUSED;
      } else {
        cohort = DemoDataset.loadCohort(tremplin, school, plan).cohort();
        outcome = Outcome.REDATED;
      }
    }
    String contextId = DemoDataset.contextId(cohort.range());
    DemoDataset.Cast cast = DemoDataset.Cast.of(school.id(), cohort.id());
    List<Learner> learners =
        tremplin.learners().learners(cast.trainer(), cohort.id()).stream()
            .sorted(Comparator.comparing(Learner::familyName).thenComparing(Learner::givenName))
            .toList();
    for (Learner learner : learners) {
      if (tremplin.referents().referentOf(cast.manager(), learner.id()).isEmpty()) {
        tremplin
            .referents()
            .assign(cast.manager(), learner.id(), DemoDataset.COACH_ID, cohort.range().first());
      }
    }
    DemoCaseload.seed(
        tremplin, cast.coach(), cohort.id(), learners, DemoDataset.ABSENT_LEARNER, today);

    String issuer = platform.issuer();
    String client = DemoPlatform.CLIENT_ID;
    directory.bindSchool(issuer, client, school.id());
    directory.linkCourse(
        new CourseContext(issuer, client, DemoPlatform.DEPLOYMENT_ID, contextId),
        cohort.id(),
        DemoDataset.MANAGER_ID);
    directory.linkPerson(new PlatformUser(issuer, client, TRAINER_SUB), DemoDataset.TRAINER_ID);
    directory.linkPerson(new PlatformUser(issuer, client, COACH_SUB), DemoDataset.COACH_ID);
    directory.linkPerson(new PlatformUser(issuer, client, MANAGER_SUB), DemoDataset.MANAGER_ID);
    List<DemoUser> members =
        learners.stream()
            .map(
                l ->
                    new DemoUser(
                        LEARNER_SUB_PREFIX + l.id().value(),
                        l.givenName(),
                        l.familyName(),
                        DemoRole.LEARNER))
            .toList();
    for (int i = 0; i < learners.size(); i++) {
      directory.linkLearner(
          new PlatformUser(issuer, client, members.get(i).sub()), learners.get(i).id());
    }
    DemoRoster roster =
        new DemoRoster(
            members,
            new DemoUser(TRAINER_SUB, "Julie", "Marchand", DemoRole.TRAINER),
            new DemoUser(COACH_SUB, "Karim", "Benyahia", DemoRole.COACH),
            new DemoUser(MANAGER_SUB, "Nathalie", "Roux", DemoRole.MANAGER),
            contextId,
            tremplin.learners().enrolments(cast.trainer(), cohort.id()).stream()
                .filter(e -> !e.active())
                .map(e -> LEARNER_SUB_PREFIX + e.learner().value())
                .collect(Collectors.toSet()));
    return new Seeded(roster, cohort, outcome);
  }
}
