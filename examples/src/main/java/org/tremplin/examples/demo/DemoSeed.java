package org.tremplin.examples.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.access.Actor;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.identity.PlatformUser;
import org.tremplin.lti.launch.CourseContext;

/**
 * Puts the demo into a database: the {@link DemoDataset} on first start only (the demo school,
 * found by name and département, marks it as done), then, on every start, the links that let the
 * demo LMS launch into it — the platform bound to the demo school, the demo course linked to the
 * demo cohort, each learner's platform user linked to their learner record, and the trainer, coach
 * and manager linked to the dataset's actors ({@code trainer-demo}, {@code coach-demo}, {@code
 * manager-demo}). The links are idempotent, so a restart (even on another base URL, hence another
 * issuer) duplicates nothing. The coach becomes every learner's referent, so their caseload is the
 * cohort. Stateless.
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

  /**
   * What the seeding found or made.
   *
   * @param roster the members of the demo course
   * @param created whether the dataset was written by this call (false: it was already there)
   */
  public record Seeded(DemoRoster roster, boolean created) {}

  /**
   * Loads the dataset unless the demo school exists, then links the platform's users and course.
   *
   * @param tremplin the domain engine on the tool's database, with a clock on or after {@link
   *     DemoDataset#TODAY} (e.g. {@link DemoDataset#clock()})
   * @param directory the tool's LTI links on the same database
   * @param platform the demo platform
   */
  public static Seeded seed(Tremplin tremplin, LtiDirectory directory, DemoPlatform platform) {
    Optional<School> existing =
        tremplin.schools().list().stream()
            .filter(
                s ->
                    s.name().equals(DemoDataset.SCHOOL_NAME)
                        && s.departement().equals(DemoDataset.DEPARTEMENT))
            .findFirst();
    boolean created = existing.isEmpty();
    School school;
    Cohort cohort;
    if (created) {
      DemoDataset.Demo demo = DemoDataset.load(tremplin);
      school = demo.school();
      cohort = demo.cohort();
    } else {
      school = existing.get();
      Actor admin = DemoDataset.ADMIN;
      cohort =
          tremplin.cohorts().bySchool(admin, school.id()).stream()
              .filter(c -> c.name().equals(DemoDataset.COHORT_NAME))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the demo school has no cohort " + DemoDataset.COHORT_NAME));
    }
    DemoDataset.Cast cast = DemoDataset.Cast.of(school.id(), cohort.id());
    List<Learner> learners =
        tremplin.learners().learners(cast.trainer(), cohort.id()).stream()
            .sorted(Comparator.comparing(Learner::familyName).thenComparing(Learner::givenName))
            .toList();
    for (Learner learner : learners) {
      if (tremplin.referents().referentOf(cast.manager(), learner.id()).isEmpty()) {
        tremplin
            .referents()
            .assign(
                cast.manager(),
                learner.id(),
                DemoDataset.COACH_ID,
                DemoDataset.COHORT_DATES.first());
      }
    }

    String issuer = platform.issuer();
    String client = DemoPlatform.CLIENT_ID;
    directory.bindSchool(issuer, client, school.id());
    directory.linkCourse(
        new CourseContext(issuer, client, DemoPlatform.DEPLOYMENT_ID, DemoPlatform.CONTEXT_ID),
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
            new DemoUser(MANAGER_SUB, "Nathalie", "Roux", DemoRole.MANAGER));
    return new Seeded(roster, created);
  }
}
