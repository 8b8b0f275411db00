package org.tremplin.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class CohortStoreIT {
  @AllDatabases
  void aCohortIsStoredWithItsClosuresAndTemplateVersion(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);

    Cohort again =
        Tremplin.create(f.dataSource, Clock.systemUTC()).cohorts().get(f.manager, f.cohort.id());

    assertThat(again).isEqualTo(f.cohort);
    assertThat(again.closures()).containsExactly(CohortFixture.CHRISTMAS);
    assertThat(f.tremplin.cohorts().bySchool(f.manager, f.school.id())).containsExactly(f.cohort);
  }

  @AllDatabases
  void theCohortCalendarUsesTheSchoolDepartementClosuresAndTemplate(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);

    var calendar = f.tremplin.cohorts().calendar(f.trainer, f.cohort.id());

    assertThat(calendar.workingDayCount()).isEqualTo(209 - 8);
    assertThat(calendar.phases()).hasSize(5);
  }

  @AllDatabases
  void schoolsAreStoredAndListedByName(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    School other =
        f.tremplin.schools().create(f.admin, "Atelier Numérique Saint-Denis", Departement.of("93"));

    assertThat(f.tremplin.schools().list()).containsExactly(other, f.school);
    assertThat(f.tremplin.schools().get(other.id())).isEqualTo(other);
  }

  @AllDatabases
  void refusesACohortWhoseTemplateDoesNotFitAndStoresNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    NewCohort tooShort =
        new NewCohort(
            f.school.id(),
            "Promo courte",
            DateRange.parse("2025-09-01/2026-02-27"),
            f.cohort.template(),
            12,
            List.of());

    assertThatThrownBy(() -> f.tremplin.cohorts().open(f.manager, tooShort))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.COHORT_TEMPLATE_EXCEEDS_RANGE);
    assertThat(f.rows("tremplin_cohort")).isEqualTo(1);
  }

  @AllDatabases
  void aCohortEndingOnTheFridayOfTheTemplatesLastWeekOpens(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    DateRange mondayToFriday = DateRange.parse("2026-09-07/2027-07-02");

    Cohort opened =
        f.tremplin
            .cohorts()
            .open(
                f.manager,
                new NewCohort(
                    f.school.id(),
                    "Promo 2026-2027",
                    mondayToFriday,
                    f.cohort.template(),
                    12,
                    List.of()));

    assertThat(f.tremplin.cohorts().get(f.manager, opened.id()).range()).isEqualTo(mondayToFriday);
    assertThat(f.tremplin.cohorts().calendar(f.manager, opened.id()).phases()).hasSize(5);
  }

  @AllDatabases
  void refusesUnknownSchoolsAndCohorts(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    NewCohort orphan =
        new NewCohort(
            SchoolId.random(),
            "X",
            new DateRange(CohortFixture.START, CohortFixture.END),
            f.cohort.template(),
            12,
            List.of());

    assertThatThrownBy(() -> f.tremplin.cohorts().open(f.admin, orphan))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.SCHOOL_NOT_FOUND);
    assertThatThrownBy(() -> f.tremplin.cohorts().get(f.admin, CohortId.random()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.COHORT_NOT_FOUND);
  }

  @AllDatabases
  void refusesOverlappingClosures(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    NewCohort overlapping =
        new NewCohort(
            f.school.id(),
            "Promo",
            new DateRange(CohortFixture.START, CohortFixture.END),
            f.cohort.template(),
            12,
            List.of(
                DateRange.parse("2025-12-22/2026-01-02"),
                DateRange.parse("2026-01-01/2026-01-09")));

    assertThatThrownBy(() -> f.tremplin.cohorts().open(f.manager, overlapping))
        .hasMessageContaining("overlap")
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }
}
