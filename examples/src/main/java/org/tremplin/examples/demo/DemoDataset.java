package org.tremplin.examples.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.PerformanceCriterion;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.BlockMilestoneKind;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;

/**
 * The demo school: "École du Web de Villeneuve-la-Garenne" (92), one cohort "Promo 2025-2026" on
 * the built-in template, twelve learners (one leaves on 14 November 2025, one joins late on 15
 * September), every working half-day of attendance from 1 September 2025 to {@link #TODAY} recorded
 * week by week with a few corrections, and trainer evidence on block 1 (CP1 to CP4) plus a start on
 * CP5 for the strongest learners, with in-training assessments (ECF) and portfolio sections for a
 * few.
 *
 * <p>Each step is done by the member of the demo's {@link Cast} allowed to do it: the network
 * {@link #ADMIN} creates the school, the school's manager opens the cohort, its coach registers and
 * enrols the learners and records the one who leaves, and the cohort's trainer records attendance,
 * corrections, evidence and milestones.
 *
 * <p>The data are deterministic: the marks and results come from a {@link Random} seeded with
 * {@link #SEED}, so two loads give the same names, marks and statuses (only the generated ids
 * differ). The {@link Tremplin} instance must read its time from a clock on or after {@link
 * #TODAY}, such as {@link #clock()}. Stateless and thread-safe; each {@link #load} writes a new
 * school.
 */
public final class DemoDataset {
  /** The demo's time zone. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  /** The last day with attendance and evidence (a Friday). */
  public static final LocalDate TODAY = LocalDate.of(2026, 1, 9);

  /** The seed of the generator of marks and results. */
  public static final long SEED = 20_250_901L;

  /** The school's name. */
  public static final String SCHOOL_NAME = "École du Web de Villeneuve-la-Garenne";

  /** The school's département. */
  public static final Departement DEPARTEMENT = Departement.of("92");

  /** The cohort's name. */
  public static final String COHORT_NAME = "Promo 2025-2026";

  /** The cohort's dates. */
  public static final DateRange COHORT_DATES =
      new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30));

  /** The school's Christmas closure. */
  public static final DateRange CLOSURE =
      new DateRange(LocalDate.of(2025, 12, 22), LocalDate.of(2026, 1, 2));

  /** Block 1 of DWWM 2023 (front-end). */
  public static final String BLOCK_1 = "RNCP37674BC01";

  /** The name written as assessor on the demo's evidence (the trainer's). */
  public static final String ASSESSOR = "Julie Marchand (formatrice)";

  /** The network administrator's actor id. */
  public static final String ADMIN_ID = "admin-demo";

  /** The school manager's actor id. */
  public static final String MANAGER_ID = "manager-demo";

  /** The school coach's actor id. */
  public static final String COACH_ID = "coach-demo";

  /** The cohort trainer's actor id. */
  public static final String TRAINER_ID = "trainer-demo";

  /** The network administrator, who creates the demo school. */
  public static final Actor ADMIN = Actor.of(ADMIN_ID, Role.ADMIN, new Scope.Network());

  private static final LocalDate START = COHORT_DATES.first();
  private static final LocalDate LATE_START = LocalDate.of(2025, 9, 15);
  private static final LocalDate LEFT_ON = LocalDate.of(2025, 11, 14);
  private static final LocalDate ECF_DAY = LocalDate.of(2026, 1, 8);

  /** CP1 to CP5: first assessment, then a second chance on the criteria not acquired. */
  private static final List<Round> ROUNDS =
      List.of(
          new Round("CP1", LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 17), 2),
          new Round("CP2", LocalDate.of(2025, 10, 24), LocalDate.of(2025, 11, 21), 2),
          new Round("CP3", LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 19), 3),
          new Round("CP4", LocalDate.of(2025, 12, 19), LocalDate.of(2026, 1, 9), 4),
          new Round("CP5", LocalDate.of(2026, 1, 8), null, 5));

  private static final List<Profile> PROFILES =
      List.of(
          new Profile("Inès", "Benali", 0.95, 0.005, START, null),
          new Profile("Lucas", "Martin", 0.9, 0.01, START, null),
          new Profile("Aïcha", "Diallo", 0.85, 0.01, START, null),
          new Profile("Thomas", "Nguyen", 0.8, 0.02, START, null),
          new Profile("Chloé", "Lefèvre", 0.75, 0.02, START, null),
          new Profile("Mehdi", "Bouzid", 0.7, 0.04, START, null),
          new Profile("Sarah", "Cohen", 0.65, 0.02, START, null),
          new Profile("Kévin", "Da Silva", 0.55, 0.07, START, null),
          new Profile("Léa", "Moreau", 0.5, 0.03, START, null),
          new Profile("Moussa", "Traoré", 0.45, 0.05, START, null),
          new Profile(
              "Emma", "Petit", 0.4, 0.06, START, "Embauchée en CDI dans une agence web locale"),
          new Profile("Yanis", "Haddad", 0.6, 0.03, LATE_START, null));

  private DemoDataset() {}

  /** A clock fixed at 17:00 (Paris) on {@link #TODAY}, the demo's "now". */
  public static Clock clock() {
    return Clock.fixed(TODAY.atTime(17, 0).atZone(ZONE).toInstant(), ZONE);
  }

  /**
   * Who does what in the demo, one grant each.
   *
   * @param admin {@link #ADMIN_ID}, ADMIN of the network: creates the school
   * @param manager {@link #MANAGER_ID}, MANAGER of the school: opens the cohort
   * @param coach {@link #COACH_ID}, COACH of the school: registers, enrols and records leaving
   * @param trainer {@link #TRAINER_ID}, TRAINER of the cohort: attendance, evidence, milestones
   */
  public record Cast(Actor admin, Actor manager, Actor coach, Actor trainer) {
    /** The demo's cast for a school and one of its cohorts. */
    public static Cast of(SchoolId school, CohortId cohort) {
      return new Cast(
          ADMIN,
          manager(school),
          Actor.of(COACH_ID, Role.COACH, new Scope.OfSchool(school)),
          Actor.of(TRAINER_ID, Role.TRAINER, new Scope.OfCohort(school, cohort)));
    }

    private static Actor manager(SchoolId school) {
      return Actor.of(MANAGER_ID, Role.MANAGER, new Scope.OfSchool(school));
    }
  }

  /**
   * What {@link #load} created.
   *
   * @param school the demo school
   * @param cohort its cohort
   * @param learners the twelve learners, in the order they were registered
   * @param cast who did what, with grants on this school and cohort
   */
  public record Demo(School school, Cohort cohort, List<Learner> learners, Cast cast) {
    /** Copies the list. */
    public Demo {
      learners = List.copyOf(learners);
    }
  }

  /** Writes the demo school, cohort, learners, attendance and evidence into {@code tremplin}. */
  public static Demo load(Tremplin tremplin) {
    Random random = new Random(SEED);
    School school = tremplin.schools().create(ADMIN, SCHOOL_NAME, DEPARTEMENT);
    ProgrammeTemplate template = tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID);
    Cohort cohort =
        tremplin
            .cohorts()
            .open(
                Cast.manager(school.id()),
                new NewCohort(
                    school.id(), COHORT_NAME, COHORT_DATES, template.ref(), 12, List.of(CLOSURE)));
    Cast cast = Cast.of(school.id(), cohort.id());
    Actor coach = cast.coach();
    Map<Learner, Profile> learners = new LinkedHashMap<>();
    for (Profile p : PROFILES) {
      Learner learner =
          tremplin.learners().register(coach, school.id(), p.givenName(), p.familyName());
      tremplin.learners().join(coach, cohort.id(), learner.id(), p.joined());
      learners.put(learner, p);
    }
    recordAttendance(tremplin, cast.trainer(), cohort, learners, random);
    for (Map.Entry<Learner, Profile> e : learners.entrySet()) {
      if (e.getValue().leaveReason() != null) {
        tremplin
            .learners()
            .leave(coach, cohort.id(), e.getKey().id(), LEFT_ON, e.getValue().leaveReason());
      }
    }
    CertificationVersion dwwm = tremplin.certifications().version(template.certification());
    recordEvidence(tremplin, cast.trainer(), cohort, dwwm, learners, random);
    return new Demo(school, cohort, List.copyOf(learners.keySet()), cast);
  }

  private static void recordAttendance(
      Tremplin tremplin,
      Actor trainer,
      Cohort cohort,
      Map<Learner, Profile> learners,
      Random random) {
    CohortCalendar calendar = tremplin.cohorts().calendar(trainer, cohort.id());
    Map<Learner, Integer> sickDaysLeft = new LinkedHashMap<>();
    List<AttendanceEntry> week = new ArrayList<>();
    List<AttendanceEntry> unjustified = new ArrayList<>();
    AttendanceEntry firstPresent = null;
    LocalDate currentMonday = null;
    for (LocalDate day : calendar.workingDaysIn(new DateRange(START, TODAY))) {
      LocalDate monday = day.with(DayOfWeek.MONDAY);
      if (currentMonday != null && !monday.equals(currentMonday) && !week.isEmpty()) {
        tremplin.attendance().recordAll(trainer, cohort.id(), week);
        week = new ArrayList<>();
      }
      currentMonday = monday;
      for (Map.Entry<Learner, Profile> e : learners.entrySet()) {
        Profile p = e.getValue();
        if (!p.enrolledOn(day, LEFT_ON)) {
          continue;
        }
        int sick = sickDaysLeft.getOrDefault(e.getKey(), 0);
        if (sick == 0 && random.nextDouble() < 0.006) {
          sick = 1 + random.nextInt(3);
        }
        for (HalfDay halfDay : List.of(HalfDay.am(day), HalfDay.pm(day))) {
          AttendanceMark mark =
              sick > 0 ? AttendanceMark.of(Mark.SICK_LEAVE) : drawMark(p.absence(), random);
          AttendanceEntry entry = new AttendanceEntry(e.getKey().id(), halfDay, mark);
          week.add(entry);
          if (mark.mark() == Mark.ABSENT_UNJUSTIFIED) {
            unjustified.add(entry);
          } else if (firstPresent == null && mark.mark() == Mark.PRESENT) {
            firstPresent = entry;
          }
        }
        sickDaysLeft.put(e.getKey(), Math.max(0, sick - 1));
      }
    }
    if (!week.isEmpty()) {
      tremplin.attendance().recordAll(trainer, cohort.id(), week);
    }
    for (AttendanceEntry e : unjustified.subList(0, Math.min(3, unjustified.size()))) {
      tremplin
          .attendance()
          .correct(
              trainer,
              cohort.id(),
              new AttendanceEntry(
                  e.learner(), e.halfDay(), AttendanceMark.of(Mark.ABSENT_JUSTIFIED)),
              "Justificatif d'absence remis au secrétariat");
    }
    if (firstPresent != null) {
      tremplin
          .attendance()
          .correct(
              trainer,
              cohort.id(),
              new AttendanceEntry(
                  firstPresent.learner(), firstPresent.halfDay(), AttendanceMark.late(10)),
              "Erreur de saisie : arrivée signalée avec 10 minutes de retard");
    }
  }

  private static AttendanceMark drawMark(double absence, Random random) {
    double r = random.nextDouble();
    if (r < absence) {
      return AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED);
    }
    if (r < absence + 0.015) {
      return AttendanceMark.of(Mark.ABSENT_JUSTIFIED);
    }
    if (r < absence + 0.055) {
      return AttendanceMark.late(5 + 5 * random.nextInt(8));
    }
    return AttendanceMark.of(Mark.PRESENT);
  }

  private static void recordEvidence(
      Tremplin tremplin,
      Actor trainer,
      Cohort cohort,
      CertificationVersion dwwm,
      Map<Learner, Profile> learners,
      Random random) {
    for (Map.Entry<Learner, Profile> e : learners.entrySet()) {
      Learner learner = e.getKey();
      Profile p = e.getValue();
      int reach = p.reach();
      for (Round round : ROUNDS) {
        if (round.needsReach() > reach || !p.enrolledOn(round.first(), LEFT_ON)) {
          continue;
        }
        Competency competency =
            dwwm.competency(round.competency())
                .orElseThrow(() -> new IllegalStateException("no " + round.competency()));
        if (round.second() == null) {
          startCompetency(tremplin, trainer, cohort, learner, competency, round.first(), random);
        } else {
          assessCompetency(tremplin, trainer, cohort, learner, p, competency, round, random);
        }
      }
      if (p.level() >= 0.8) {
        tremplin
            .evidence()
            .recordMilestone(
                trainer,
                cohort.id(),
                learner.id(),
                BLOCK_1,
                BlockMilestoneKind.IN_TRAINING_ASSESSMENT,
                ECF_DAY);
      }
      if (p.level() >= 0.9) {
        tremplin
            .evidence()
            .recordMilestone(
                trainer,
                cohort.id(),
                learner.id(),
                BLOCK_1,
                BlockMilestoneKind.PORTFOLIO_SECTION,
                TODAY);
      }
    }
  }

  /** Criteria evidence, a second chance on those not acquired, then the trainer's decision. */
  private static void assessCompetency(
      Tremplin tremplin,
      Actor trainer,
      Cohort cohort,
      Learner learner,
      Profile p,
      Competency competency,
      Round round,
      Random random) {
    boolean allAcquired = true;
    LocalDate decisionDay = round.first();
    for (PerformanceCriterion criterion : competency.criteria()) {
      AssessmentResult result = draw(p.level(), random);
      record(
          tremplin,
          trainer,
          cohort,
          learner,
          new EvidenceTarget.OnCriterion(competency.code(), criterion.code()),
          EvidenceSource.PROJECT,
          result,
          round.first());
      LocalDate second = round.second();
      if (result != AssessmentResult.ACQUIRED
          && second != null
          && !second.isAfter(TODAY)
          && p.enrolledOn(second, LEFT_ON)) {
        result = draw(Math.min(1.0, p.level() + 0.2), random);
        record(
            tremplin,
            trainer,
            cohort,
            learner,
            new EvidenceTarget.OnCriterion(competency.code(), criterion.code()),
            EvidenceSource.TRAINER_ASSESSMENT,
            result,
            second);
        decisionDay = second;
      }
      allAcquired &= result == AssessmentResult.ACQUIRED;
    }
    record(
        tremplin,
        trainer,
        cohort,
        learner,
        new EvidenceTarget.OnCompetency(competency.code()),
        EvidenceSource.TRAINER_ASSESSMENT,
        allAcquired ? AssessmentResult.ACQUIRED : AssessmentResult.PARTIALLY_ACQUIRED,
        decisionDay);
  }

  /** A first project on a competency: evidence on its first two criteria. */
  private static void startCompetency(
      Tremplin tremplin,
      Actor trainer,
      Cohort cohort,
      Learner learner,
      Competency competency,
      LocalDate day,
      Random random) {
    for (PerformanceCriterion criterion : competency.criteria().subList(0, 2)) {
      record(
          tremplin,
          trainer,
          cohort,
          learner,
          new EvidenceTarget.OnCriterion(competency.code(), criterion.code()),
          EvidenceSource.PROJECT,
          random.nextBoolean() ? AssessmentResult.ACQUIRED : AssessmentResult.PARTIALLY_ACQUIRED,
          day);
    }
  }

  private static AssessmentResult draw(double level, Random random) {
    double r = random.nextDouble();
    if (r < level) {
      return AssessmentResult.ACQUIRED;
    }
    return r < level + (1 - level) / 2
        ? AssessmentResult.PARTIALLY_ACQUIRED
        : AssessmentResult.NOT_ACQUIRED;
  }

  private static void record(
      Tremplin tremplin,
      Actor trainer,
      Cohort cohort,
      Learner learner,
      EvidenceTarget target,
      EvidenceSource source,
      AssessmentResult result,
      LocalDate day) {
    tremplin
        .evidence()
        .record(
            trainer,
            cohort.id(),
            new NewEvidence(learner.id(), target, source, result, ASSESSOR, day, comment(result)));
  }

  private static String comment(AssessmentResult result) {
    return switch (result) {
      case ACQUIRED -> "Attendus atteints.";
      case PARTIALLY_ACQUIRED -> "En bonne voie, à consolider.";
      case NOT_ACQUIRED -> "À retravailler avec le formateur.";
    };
  }

  /** One competency's assessment calendar; {@code needsReach} is the least reach to take it. */
  private record Round(
      String competency, LocalDate first, @Nullable LocalDate second, int needsReach) {}

  /** A learner's name, level, propensity to unjustified absence and enrolment. */
  private record Profile(
      String givenName,
      String familyName,
      double level,
      double absence,
      LocalDate joined,
      @Nullable String leaveReason) {

    boolean enrolledOn(LocalDate day, LocalDate leftOn) {
      return !day.isBefore(joined) && (leaveReason == null || day.isBefore(leftOn));
    }

    /** How far the learner got: 2 = CP1-CP2, 3 = up to CP3, 4 = block 1, 5 = started CP5. */
    int reach() {
      if (level >= 0.8) {
        return 5;
      }
      if (level >= 0.6) {
        return 4;
      }
      return level >= 0.45 ? 3 : 2;
    }
  }
}
