package org.tremplin.lti.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.TestDatabase;

/**
 * One school with one cohort and two learners on a fresh database, the directory and the identity
 * mapping over it, and launches to feed it.
 */
final class IdentityFixture {
  static final String ISSUER = "https://moodle.example.fr";

  /** A platform registered dynamically, not configured by the operator. */
  static final String DYNAMIC_ISSUER = "https://moodle.elsewhere.example";

  static final String CLIENT = "client-1";
  static final String DEPLOYMENT = "dep-1";
  static final String COURSE = "course-7";
  static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
  static final Instant NOW = Instant.parse("2026-01-09T15:00:00Z");

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final UnitOfWork database;
  final Tremplin tremplin;
  final LtiDirectory directory;
  final LaunchIdentities identities;
  final School school;
  final Cohort cohort;
  final Learner ada;
  final Learner bob;
  final Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());

  IdentityFixture(TestDatabase db) {
    DataSource ds = db.fresh();
    tremplin = Tremplin.create(ds, clock);
    database = LtiSchema.install(tremplin);
    directory = new LtiDirectory(database, clock);
    identities =
        new LaunchIdentities(
            directory, tremplin, (issuer, client) -> !issuer.equals(DYNAMIC_ISSUER));
    school = tremplin.schools().create(admin, "École du Web 92", new Departement("92"));
    cohort = openCohort(school, "Promo DWWM 2026");
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    ada = tremplin.learners().register(manager, school.id(), "Ada", "Lovelace");
    bob = tremplin.learners().register(manager, school.id(), "Bob", "Marley");
    tremplin.learners().join(manager, cohort.id(), ada.id(), LocalDate.of(2025, 9, 1));
    tremplin.learners().join(manager, cohort.id(), bob.id(), LocalDate.of(2025, 9, 1));
  }

  Cohort openCohort(School in, String name) {
    return tremplin
        .cohorts()
        .open(
            Actor.of("manager", Role.MANAGER, new Scope.OfSchool(in.id())),
            new NewCohort(
                in.id(),
                name,
                new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                new TemplateRef("ecole-du-web", 1),
                12,
                List.of()));
  }

  CourseContext course() {
    return new CourseContext(ISSUER, CLIENT, DEPLOYMENT, COURSE);
  }

  PlatformUser user(String sub) {
    return new PlatformUser(ISSUER, CLIENT, sub);
  }

  void linkCourse() {
    directory.linkCourse(course(), cohort.id(), "someone");
  }

  static LaunchContext launch(@Nullable String sub, List<String> roles) {
    return launch(sub, roles, COURSE, List.of());
  }

  static LaunchContext launch(
      @Nullable String sub, List<String> roles, @Nullable String contextId, List<String> mentees) {
    return new LaunchContext(
        ISSUER,
        CLIENT,
        DEPLOYMENT,
        false,
        sub,
        "Ada Lovelace",
        LtiClaims.RESOURCE_LINK_REQUEST,
        contextId,
        contextId == null ? null : "DWWM",
        "rl-1",
        roles,
        mentees,
        "https://tool.example/lti/launch",
        Map.of(),
        null);
  }
}
