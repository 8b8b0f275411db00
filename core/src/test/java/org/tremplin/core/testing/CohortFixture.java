package org.tremplin.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.testing.TestDatabase;

/**
 * A school in département 92 with the 2025-2026 cohort (1 Sept 2025 to 30 June 2026, built-in
 * template, Christmas closure) and learners who joined on the first day. The clock is fixed on
 * Friday 9 January 2026, 17:00 in Paris.
 */
public final class CohortFixture {
  /** The fixed "now" of every fixture. */
  public static final Instant NOW = Instant.parse("2026-01-09T16:00:00Z");

  /** Paris. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** First day of the cohort (a Monday). */
  public static final LocalDate START = LocalDate.of(2025, 9, 1);

  /** Last day of the cohort. */
  public static final LocalDate END = LocalDate.of(2026, 6, 30);

  /** The school's Christmas closure. */
  public static final DateRange CHRISTMAS = DateRange.parse("2025-12-22/2026-01-02");

  /** A network admin. */
  public final Actor admin = Actor.of("admin-1", Role.ADMIN, new Scope.Network());

  /** The school's manager. */
  public final Actor manager;

  /** The school's coach (referent of no one yet). */
  public final Actor coach;

  /** The cohort's trainer. */
  public final Actor trainer;

  public final Tremplin tremplin;
  public final DataSource dataSource;
  public final School school;
  public final Cohort cohort;
  public final List<Learner> learners = new ArrayList<>();

  private CohortFixture(DataSource dataSource, int learnerCount, int capacity) {
    this.dataSource = dataSource;
    this.tremplin = Tremplin.create(dataSource, Clock.fixed(NOW, PARIS));
    this.school =
        tremplin
            .schools()
            .create(admin, "École du Web de Villeneuve-la-Garenne", Departement.of("92"));
    this.manager = Actor.of("manager-1", Role.MANAGER, new Scope.OfSchool(school.id()));
    this.coach = Actor.of("coach-1", Role.COACH, new Scope.OfSchool(school.id()));
    this.cohort =
        tremplin
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo 2025-2026",
                    new DateRange(START, END),
                    tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                    capacity,
                    List.of(CHRISTMAS)));
    this.trainer =
        Actor.of("trainer-1", Role.TRAINER, new Scope.OfCohort(school.id(), cohort.id()));
    for (int i = 1; i <= learnerCount; i++) {
      Learner l = tremplin.learners().register(coach, school.id(), "Prénom" + i, "Nom" + i);
      tremplin.learners().join(coach, cohort.id(), l.id(), START);
      learners.add(l);
    }
  }

  /** A cohort of 12 places with {@code learnerCount} learners, on a fresh database. */
  public static CohortFixture on(TestDatabase db, int learnerCount) {
    return new CohortFixture(db.fresh(), learnerCount, 12);
  }

  /** The same with a given capacity. */
  public static CohortFixture on(TestDatabase db, int learnerCount, int capacity) {
    return new CohortFixture(db.fresh(), learnerCount, capacity);
  }

  /** A new learner of the school, not enrolled. */
  public Learner newcomer(String given, String family) {
    return tremplin.learners().register(coach, school.id(), given, family);
  }

  /** The n-th learner as an actor on their own path. */
  public Actor asLearner(int n) {
    return Actor.of("learner-" + n, Role.LEARNER, new Scope.OfLearner(learner(n).id()));
  }

  /** The n-th learner (0-based). */
  public Learner learner(int n) {
    return learners.get(n);
  }

  /** Rows of a table, counted with plain JDBC (to check that nothing was half-written). */
  public int rows(String table) {
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
