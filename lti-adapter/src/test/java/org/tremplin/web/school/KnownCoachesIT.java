package org.tremplin.web.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.session.AppSession;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;
import org.tremplin.web.form.WebSchema;

/** {@link KnownCoaches} on H2 and PostgreSQL: who a school's referent form offers, by name. */
class KnownCoachesIT {
  private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
  private static final SchoolId VILLENEUVE = new SchoolId(UUID.randomUUID());
  private static final SchoolId ROUBAIX = new SchoolId(UUID.randomUUID());

  private final MutableClock clock = new MutableClock(NOW);

  private KnownCoaches coaches(TestDatabase db) {
    Tremplin tremplin = Tremplin.create(db.fresh(), clock);
    WebSchema.install(tremplin);
    return new KnownCoaches(tremplin, clock);
  }

  private static AppSession session(String person, String name, Grant... grants) {
    return new AppSession(
        person, name, List.of(grants), null, null, Locale.FRENCH, NOW.plusSeconds(3600));
  }

  @AllDatabases
  void aCoachOfASchoolIsOfferedByNameInThatSchoolOnly(TestDatabase db) {
    KnownCoaches coaches = coaches(db);

    coaches.remember(
        session(
            "p-karim", "Karim Benyahia", new Grant(Role.COACH, new Scope.OfSchool(VILLENEUVE))));

    assertThat(coaches.of(VILLENEUVE))
        .containsExactly(java.util.Map.entry("p-karim", "Karim Benyahia"));
    assertThat(coaches.of(ROUBAIX)).isEmpty();
  }

  @AllDatabases
  void aSessionWithoutACoachGrantIsNotACoach(TestDatabase db) {
    KnownCoaches coaches = coaches(db);
    CohortId cohort = new CohortId(UUID.randomUUID());

    coaches.remember(
        session(
            "p-julie",
            "Julie Marchand",
            new Grant(Role.TRAINER, new Scope.OfCohort(VILLENEUVE, cohort)),
            new Grant(Role.MANAGER, new Scope.OfSchool(VILLENEUVE))));

    assertThat(coaches.of(VILLENEUVE)).isEmpty();
  }

  @AllDatabases
  void aCoachSeenTwiceIsOfferedOnceUnderTheLatestNameAndCoachesComeByName(TestDatabase db) {
    KnownCoaches coaches = coaches(db);
    Grant villeneuve = new Grant(Role.COACH, new Scope.OfSchool(VILLENEUVE));

    coaches.remember(session("p-zoe", "Zoé Martin", villeneuve));
    coaches.remember(session("p-karim", "K. Benyahia", villeneuve));
    clock.set(NOW.plusSeconds(600));
    coaches.remember(session("p-karim", "Karim Benyahia", villeneuve));

    assertThat(coaches.of(VILLENEUVE).entrySet())
        .extracting(java.util.Map.Entry::getValue)
        .containsExactly("Karim Benyahia", "Zoé Martin");
  }
}
