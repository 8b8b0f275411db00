package org.tremplin.core.bench;

import com.zaxxer.hikari.HikariDataSource;
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
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.testing.TestDatabase;

/**
 * A school in département 92 on a fresh embedded PostgreSQL database, opening full 2025-2026
 * cohorts (1 Sept 2025 to 30 June 2026, built-in template, Christmas closure, {@value
 * Cohort#MAX_CAPACITY} learners who joined on the first day). Data is written through {@link
 * #setup}, always on a pool so that setting up stays quick; the benchmarks call {@link #tremplin},
 * which gets its connections as the benchmark parameter says. Not thread-safe: set up from one
 * thread.
 */
final class BenchSchool {
  /** Paris. */
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** First day of every cohort (a Monday). */
  static final LocalDate START = LocalDate.of(2025, 9, 1);

  /** Last day of every cohort. */
  static final LocalDate END = LocalDate.of(2026, 6, 30);

  /** The school's Christmas closure. */
  static final DateRange CHRISTMAS = DateRange.parse("2025-12-22/2026-01-02");

  /** The Tremplin the benchmarks measure. */
  final Tremplin tremplin;

  /** The Tremplin that writes the data set (the same one when pooled). */
  final Tremplin setup;

  final School school;
  private final TemplateRef template;
  private int opened;

  private final DataSource pool;

  /** The school's manager: may do everything the benchmarks need. */
  final Actor manager;

  /** Migrates a fresh database and creates the school; "now" is {@code now} in Paris. */
  BenchSchool(Instant now, Connections connections) {
    DataSource database = TestDatabase.POSTGRES.fresh();
    Clock clock = Clock.fixed(now, PARIS);
    this.pool = Connections.POOLED.over(database);
    this.setup = Tremplin.create(pool, clock);
    this.tremplin =
        connections == Connections.POOLED
            ? setup
            : Tremplin.create(connections.over(database), clock);
    this.school =
        setup
            .schools()
            .create(
                Actor.of("admin-bench", Role.ADMIN, new Scope.Network()),
                "École du Web 92",
                Departement.of("92"));
    this.manager = Actor.of("manager-bench", Role.MANAGER, new Scope.OfSchool(school.id()));
    this.template = setup.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref();
  }

  /** Opens a full cohort whose learners all joined on {@link #START}. */
  FullCohort openFullCohort() {
    opened++;
    Cohort cohort =
        setup
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo 2025-2026 n°" + opened,
                    new DateRange(START, END),
                    template,
                    Cohort.MAX_CAPACITY,
                    List.of(CHRISTMAS)));
    List<Learner> learners = new ArrayList<>(Cohort.MAX_CAPACITY);
    for (int i = 1; i <= Cohort.MAX_CAPACITY; i++) {
      Learner l = setup.learners().register(manager, school.id(), "Prénom" + i, "Nom" + i);
      setup.learners().join(manager, cohort.id(), l.id(), START);
      learners.add(l);
    }
    // Loads and caches the cohort and its calendar, as a running application would have long
    // before.
    tremplin.cohorts().calendar(manager, cohort.id());
    return new FullCohort(cohort, List.copyOf(learners));
  }

  /** Closes the pool. */
  void close() {
    if (pool instanceof HikariDataSource hikari) {
      hikari.close();
    }
  }

  /** A cohort and its learners. */
  record FullCohort(Cohort cohort, List<Learner> learners) {}
}
