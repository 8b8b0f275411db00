package org.tremplin.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.funder.CertificationOutcome;
import org.tremplin.api.funder.CertificationResult;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.insertion.NewFollowUp;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.report.GenIndicators;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.report.YearlyReview;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * The Grande École du Numérique indicators against a hand-computed cohort of 10 (DOMAIN.md,
 * Reports; Exits), and who may see the learners' names.
 *
 * <p>Fixture (school 92, cohort 1 Sept 2025 – 30 June 2026): learners 0–9 join on 1 Sept 2025 — 10
 * entries in 2025. Funder facts for 0–8 (9 has none, so shares are out of 9):
 *
 * <pre>
 *  n  sex  born        diploma     QPV          NEET
 *  0  F    2000-01-01  none        no, then yes yes
 *  1  F    1999-09-02  CAP/BEP     no           yes
 *  2  F    1999-09-01  bac         yes          no    (26 on the day she joins: not under 26)
 *  3  F    1990-05-05  bac+2       no           no
 *  4  M    2005-03-03  level 2     yes          no
 *  5  M    1985-01-01  bac+3       no           yes
 *  6  M    1985-01-01  bac         yes          no
 *  7  ND   1985-01-01  bac+5       no           no
 *  8  ND   1985-01-01  CAP/BEP     no           no
 * </pre>
 *
 * So women 4/9 = 44.4 %, NEET 3/9 = 33.3 %, QPV {0,2,4,6} 4/9 = 44.4 %, at or below bac
 * {0,1,2,4,6,8} 6/9 = 66.7 %, under 26 {0,1,4} 3/9 = 33.3 %.
 *
 * <p>Exits in 2025: 0 CDI (28 Nov), 1 job seeking (12 Dec), 3 job seeking (19 Dec), 5 health (10
 * Oct). Six months later: 0 CDI (durable), 1 qualifying training (positive), 3 still job seeking
 * (other), 5 not followed up: dynamic at six months 2/3 = 66.7 %, durable 1/3 = 33.3 %. In 2026: 9
 * leaves on the cohort's last day with a 3-month CDD. 2 leaves the cohort on 2 Feb 2026; 4 leaves
 * on 12 Jan and comes back on 19 Jan. Completions in 2026 (cohort ends 30 June): {4,6,7,8,9}.
 * Certification: 3 partial (15 Dec 2025); session of 25 June 2026: 4 partial then corrected to the
 * full title, 6 full title, 7 partial, 8 failed: 2026 full {4,6}, partial {7}.
 *
 * <p>A test account joins with facts, an exit and a full title: never counted. A learner of a
 * school of the 93 joins on 1 Sept 2025 as a woman: only in the network's and the 93's figures.
 */
class GenIndicatorsIT {
  private static final LocalDate SEP_1 = LocalDate.of(2025, 9, 1);
  private static final Instant LATER = Instant.parse("2027-01-15T10:00:00Z");

  private static final class Fixture {
    final CohortFixture f;
    final Tremplin later;
    final Learner testAccount;
    final Learner elsewhere;
    final School other;

    Fixture(TestDatabase db) {
      f = CohortFixture.on(db, 10);
      later = f.tremplin.withClock(Clock.fixed(LATER, CohortFixture.PARIS));
      var id = f.cohort.id();
      facts(0, DeclaredSex.FEMALE, "2000-01-01", DiplomaLevel.NONE, false, true);
      facts(0, DeclaredSex.FEMALE, "2000-01-01", DiplomaLevel.NONE, true, true);
      facts(1, DeclaredSex.FEMALE, "1999-09-02", DiplomaLevel.CAP_BEP, false, true);
      facts(2, DeclaredSex.FEMALE, "1999-09-01", DiplomaLevel.BAC, true, false);
      facts(3, DeclaredSex.FEMALE, "1990-05-05", DiplomaLevel.BAC_PLUS_2, false, false);
      facts(4, DeclaredSex.MALE, "2005-03-03", DiplomaLevel.LEVEL_2, true, false);
      facts(5, DeclaredSex.MALE, "1985-01-01", DiplomaLevel.BAC_PLUS_3, false, true);
      facts(6, DeclaredSex.MALE, "1985-01-01", DiplomaLevel.BAC, true, false);
      facts(7, DeclaredSex.NOT_DECLARED, "1985-01-01", DiplomaLevel.BAC_PLUS_5, false, false);
      facts(8, DeclaredSex.NOT_DECLARED, "1985-01-01", DiplomaLevel.CAP_BEP, false, false);

      exit(0, NewExit.of(LocalDate.of(2025, 11, 28), ExitSituation.CDI));
      exit(1, NewExit.of(LocalDate.of(2025, 12, 12), ExitSituation.RECHERCHE_EMPLOI));
      exit(3, NewExit.of(LocalDate.of(2025, 12, 19), ExitSituation.RECHERCHE_EMPLOI));
      exit(5, NewExit.of(LocalDate.of(2025, 10, 10), ExitSituation.SANTE));
      exit(9, new NewExit(CohortFixture.END, ExitSituation.CDD, 3));
      followUp(0, NewFollowUp.of(LocalDate.of(2026, 5, 28), ExitSituation.CDI));
      followUp(1, NewFollowUp.of(LocalDate.of(2026, 6, 12), ExitSituation.FORMATION_QUALIFIANTE));
      followUp(3, NewFollowUp.of(LocalDate.of(2026, 6, 19), ExitSituation.RECHERCHE_EMPLOI));

      later.learners().leave(f.manager, id, f.learner(2).id(), LocalDate.of(2026, 2, 2), "moved");
      later.learners().leave(f.manager, id, f.learner(4).id(), LocalDate.of(2026, 1, 12), "ill");
      later.learners().reenter(f.manager, id, f.learner(4).id(), LocalDate.of(2026, 1, 19));

      LocalDate jury = LocalDate.of(2026, 6, 25);
      certify(
          3,
          new CertificationResult(
              LocalDate.of(2025, 12, 15), CertificationOutcome.PARTIAL, List.of("RNCP37674BC01")));
      certify(
          4, new CertificationResult(jury, CertificationOutcome.PARTIAL, List.of("RNCP37674BC01")));
      certify(4, new CertificationResult(jury, CertificationOutcome.FULL_TITLE, List.of()));
      certify(6, new CertificationResult(jury, CertificationOutcome.FULL_TITLE, List.of()));
      certify(
          7, new CertificationResult(jury, CertificationOutcome.PARTIAL, List.of("RNCP37674BC02")));
      certify(8, new CertificationResult(jury, CertificationOutcome.FAILED, List.of()));

      testAccount = f.newcomer("Test", "Étudiant");
      later.learners().join(f.coach, id, testAccount.id(), SEP_1);
      later.funderFacts().markTestAccount(f.manager, id, testAccount.id(), true);
      later
          .funderFacts()
          .declare(
              f.manager,
              id,
              testAccount.id(),
              new FunderFacts(
                  SEP_1,
                  DeclaredSex.FEMALE,
                  LocalDate.of(2004, 1, 1),
                  DiplomaLevel.NONE,
                  true,
                  true,
                  true));
      later
          .insertion()
          .recordExit(
              f.manager,
              id,
              testAccount.id(),
              NewExit.of(LocalDate.of(2025, 11, 28), ExitSituation.CDI));
      later
          .funderFacts()
          .recordCertification(
              f.manager,
              id,
              testAccount.id(),
              new CertificationResult(jury, CertificationOutcome.FULL_TITLE, List.of()));

      other = later.schools().create(f.admin, "École du Web 93", Departement.of("93"));
      Actor otherManager = Actor.of("manager-93", Role.MANAGER, new Scope.OfSchool(other.id()));
      Cohort otherCohort =
          later
              .cohorts()
              .open(
                  otherManager,
                  new NewCohort(
                      other.id(),
                      "Promo 93",
                      new DateRange(CohortFixture.START, CohortFixture.END),
                      later.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                      12,
                      List.of()));
      elsewhere = later.learners().register(otherManager, other.id(), "Ailleurs", "Autre");
      later.learners().join(otherManager, otherCohort.id(), elsewhere.id(), SEP_1);
      later
          .funderFacts()
          .declare(
              otherManager,
              otherCohort.id(),
              elsewhere.id(),
              new FunderFacts(
                  SEP_1,
                  DeclaredSex.FEMALE,
                  LocalDate.of(1980, 1, 1),
                  DiplomaLevel.BAC_PLUS_2,
                  false,
                  false,
                  false));
    }

    private void facts(
        int n, DeclaredSex sex, String born, DiplomaLevel level, boolean qpv, boolean neet) {
      later
          .funderFacts()
          .declare(
              f.manager,
              f.cohort.id(),
              f.learner(n).id(),
              new FunderFacts(SEP_1, sex, LocalDate.parse(born), level, qpv, neet, false));
    }

    private void exit(int n, NewExit exit) {
      later.insertion().recordExit(f.manager, f.cohort.id(), f.learner(n).id(), exit);
    }

    private void followUp(int n, NewFollowUp followUp) {
      later.insertion().recordFollowUp(f.manager, f.cohort.id(), f.learner(n).id(), followUp);
    }

    private void certify(int n, CertificationResult result) {
      later.funderFacts().recordCertification(f.manager, f.cohort.id(), f.learner(n).id(), result);
    }

    GenIndicators school(Actor actor, int year) {
      return later.reports().genIndicators(actor, new ReportScope.OfSchool(f.school.id()), year);
    }

    List<LearnerId> ids(int... n) {
      return Arrays.stream(n).mapToObj(i -> f.learner(i).id()).toList();
    }
  }

  private static List<LearnerId> ids(Figure figure) {
    return figure.learners().stream().map(CountedLearner::learner).toList();
  }

  @AllDatabases
  void theIndicatorsCountTheHandComputedEntriesAndShares(TestDatabase db) {
    Fixture x = new Fixture(db);
    GenIndicators g = x.school(x.f.manager, 2025);

    assertThat(g.entries().count()).isEqualTo(10);
    assertThat(ids(g.withoutFunderFacts())).containsExactlyElementsOf(x.ids(9));
    assertThat(ids(g.women())).containsExactlyInAnyOrderElementsOf(x.ids(0, 1, 2, 3));
    assertThat(g.shareOfEntries(g.women()).percent()).contains(new BigDecimal("44.4"));
    assertThat(ids(g.neet())).containsExactlyInAnyOrderElementsOf(x.ids(0, 1, 5));
    assertThat(g.shareOfEntries(g.neet()).percent()).contains(new BigDecimal("33.3"));
    assertThat(ids(g.qpvResidents())).containsExactlyInAnyOrderElementsOf(x.ids(0, 2, 4, 6));
    assertThat(g.shareOfEntries(g.qpvResidents()).outOf()).isEqualTo(9);
    assertThat(ids(g.atOrBelowBac())).containsExactlyInAnyOrderElementsOf(x.ids(0, 1, 2, 4, 6, 8));
    assertThat(g.shareOfEntries(g.atOrBelowBac()).percent()).contains(new BigDecimal("66.7"));
    assertThat(ids(g.under26())).containsExactlyInAnyOrderElementsOf(x.ids(0, 1, 4));
    assertThat(g.shareOfEntries(g.under26()).percent()).contains(new BigDecimal("33.3"));

    assertThat(g.completions().count()).isZero();
    assertThat(g.fullTitles().count()).isZero();
    assertThat(ids(g.partialTitles())).containsExactlyElementsOf(x.ids(3));
  }

  @AllDatabases
  void theSituationSixMonthsAfterTheExitCountsFollowedUpLeaversOnly(TestDatabase db) {
    Fixture x = new Fixture(db);
    GenIndicators g = x.school(x.f.manager, 2025);

    assertThat(ids(g.leavers())).containsExactlyInAnyOrderElementsOf(x.ids(0, 1, 3, 5));
    assertThat(g.followedUp()).isEqualTo(3);
    assertThat(ids(g.situationAtSixMonths().get(ExitCategory.EMPLOI_DURABLE)))
        .containsExactlyElementsOf(x.ids(0));
    assertThat(ids(g.situationAtSixMonths().get(ExitCategory.SORTIE_POSITIVE)))
        .containsExactlyElementsOf(x.ids(1));
    assertThat(ids(g.situationAtSixMonths().get(ExitCategory.AUTRE_SORTIE)))
        .containsExactlyElementsOf(x.ids(3));
    assertThat(g.situationAtSixMonths().get(ExitCategory.NEUTRALISEE).count()).isZero();
    assertThat(ids(g.followUpPending())).containsExactlyElementsOf(x.ids(5));
    assertThat(g.dynamicAtSixMonths().percent()).contains(new BigDecimal("66.7"));
    assertThat(g.durableAtSixMonths().percent()).contains(new BigDecimal("33.3"));
  }

  @AllDatabases
  void completionsAndTitlesCountTheYearTheCohortEndsAndTheNewestResult(TestDatabase db) {
    Fixture x = new Fixture(db);
    GenIndicators g = x.school(x.f.manager, 2026);

    assertThat(g.entries().count()).isZero();
    assertThat(g.shareOfEntries(g.women()).percent()).isEmpty();
    assertThat(ids(g.completions())).containsExactlyInAnyOrderElementsOf(x.ids(4, 6, 7, 8, 9));
    assertThat(ids(g.fullTitles())).containsExactlyInAnyOrderElementsOf(x.ids(4, 6));
    assertThat(ids(g.partialTitles())).containsExactlyElementsOf(x.ids(7));
    assertThat(ids(g.leavers())).containsExactlyElementsOf(x.ids(9));
    assertThat(ids(g.followUpPending())).containsExactlyElementsOf(x.ids(9));
    assertThat(g.dynamicAtSixMonths().percent()).isEmpty();
  }

  @AllDatabases
  void theNetworkAndDepartementScopesAddOtherSchoolsButNeverTestAccounts(TestDatabase db) {
    Fixture x = new Fixture(db);
    GenIndicators network =
        x.later.reports().genIndicators(x.f.admin, new ReportScope.Network(), 2025);
    assertThat(network.entries().count()).isEqualTo(11);
    assertThat(network.women().count()).isEqualTo(5);
    assertThat(network.shareOfEntries(network.women()).outOf()).isEqualTo(10);
    assertThat(network.shareOfEntries(network.women()).percent()).contains(new BigDecimal("50.0"));
    assertThat(network.leavers().count()).isEqualTo(4);

    GenIndicators seineSaintDenis =
        x.later
            .reports()
            .genIndicators(x.f.admin, new ReportScope.OfDepartement(Departement.of("93")), 2025);
    assertThat(seineSaintDenis.entries().count()).isEqualTo(1);
    assertThat(seineSaintDenis.women().count()).isEqualTo(1);
    assertThat(seineSaintDenis.atOrBelowBac().count()).isZero();

    GenIndicators school = x.school(x.f.manager, 2025);
    assertThat(school.entries().learners())
        .extracting(CountedLearner::learner)
        .doesNotContain(x.testAccount.id(), x.elsewhere.id());
    GenIndicators titles = x.school(x.f.manager, 2026);
    assertThat(ids(titles.fullTitles())).doesNotContain(x.testAccount.id());
  }

  @AllDatabases
  void aManagerSeesNamesWhereANetworkAdministratorSeesOnlyReferences(TestDatabase db) {
    Fixture x = new Fixture(db);
    GenIndicators named = x.school(x.f.manager, 2025);
    GenIndicators hidden = x.school(x.f.admin, 2025);

    assertThat(named.women().learners())
        .extracting(CountedLearner::displayName)
        .containsExactlyInAnyOrder("Prénom1 Nom1", "Prénom2 Nom2", "Prénom3 Nom3", "Prénom4 Nom4");
    assertThat(hidden.women().count()).isEqualTo(4);
    assertThat(hidden.women().learners())
        .allSatisfy(
            l -> {
              assertThat(l.displayName()).isEqualTo(l.reference()).matches("L-[0-9A-F]{10}");
              assertThat(l.learner().value().getMostSignificantBits()).isZero();
              assertThat(l.learner()).isNotIn(x.ids(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
            });
    // The same references as the manager's: the school can tell the network who is who.
    assertThat(hidden.women().learners())
        .extracting(CountedLearner::reference)
        .containsExactlyInAnyOrderElementsOf(
            named.women().learners().stream().map(CountedLearner::reference).toList());

    YearlyReview review = x.later.reports().yearlyReview(x.f.admin, x.f.school.id(), 2025);
    assertThat(review.entries().count()).isEqualTo(10);
    assertThat(review.entries().learners())
        .allSatisfy(l -> assertThat(l.displayName()).doesNotContain("Nom").startsWith("L-"));
    assertThat(review.paths())
        .allSatisfy(p -> assertThat(p.learner().displayName()).startsWith("L-"));
    YearlyReview managers = x.later.reports().yearlyReview(x.f.manager, x.f.school.id(), 2025);
    assertThat(managers.entries().learners())
        .extracting(CountedLearner::displayName)
        .contains("Prénom1 Nom1");
  }

  @AllDatabases
  void onlyNetworkRolesReadADepartementOrTheNetwork(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 1);
    for (ReportScope scope :
        List.of(new ReportScope.Network(), new ReportScope.OfDepartement(Departement.of("92")))) {
      assertThatThrownBy(() -> f.tremplin.reports().genIndicators(f.manager, scope, 2025))
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    assertThatThrownBy(
            () ->
                f.tremplin
                    .reports()
                    .genIndicators(f.coach, new ReportScope.OfSchool(f.school.id()), 2025))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
    assertThatThrownBy(
            () ->
                f.tremplin
                    .reports()
                    .genIndicators(
                        f.admin,
                        new ReportScope.OfSchool(org.tremplin.api.SchoolId.random()),
                        2025))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.SCHOOL_NOT_FOUND);
    assertThatThrownBy(
            () -> f.tremplin.reports().genIndicators(f.admin, new ReportScope.Network(), 1999))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }
}
