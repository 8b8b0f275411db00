package org.tremplin.examples.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
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
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;

/**
 * The demo school: "École du Web de Villeneuve-la-Garenne" (92), one cohort on the built-in
 * template, twelve learners (one leaves after eleven weeks, one joins two weeks late), every
 * working half-day of attendance from the cohort's first day to the {@link Plan}'s last day
 * recorded week by week with a few corrections, trainer evidence on block 1 (CP1 to CP4) plus a
 * start on CP5 for the strongest learners, with in-training assessments (ECF) and portfolio
 * sections for a few, and the alerts of the learner who missed the last days.
 *
 * <p>The dates come from a {@link Plan}. The reference plan ({@link #reference()}, used by {@code
 * tremplin readiness}) is the cohort "Promo 2025-2026", 1 September 2025 to 30 June 2026, with data
 * up to {@link #TODAY}. {@link #live(Clock)} moves that calendar by whole weeks so that its last
 * day with data is at most a week before yesterday: the cohort started about four months ago and
 * ends about six months ahead, its working days counted with the French public holidays of its own
 * dates, its Christmas closure on the Christmas it spans, and attendance recorded up to yesterday.
 *
 * <p>Each step is done by the member of the demo's {@link Cast} allowed to do it: the network
 * {@link #ADMIN} creates the school, the school's manager opens the cohort, its coach registers and
 * enrols the learners and records the one who leaves, and the cohort's trainer records attendance,
 * corrections, evidence and milestones.
 *
 * <p>The data are deterministic: the marks and results come from a {@link Random} seeded with
 * {@link #SEED}, so two loads of the same plan give the same names, marks and statuses (only the
 * generated ids differ). The {@link Tremplin} instance must read its time from a clock after the
 * plan's last day ({@link #clock()} for the reference). Stateless and thread-safe; each {@link
 * #load} writes a new school, each {@link #loadCohort} a new cohort.
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

  /** The learner who misses the last days of the live demo unjustified (an alert to see). */
  static final String ABSENT_LEARNER = "Da Silva";

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

  /**
   * The dates of one load: the reference calendar (1 September 2025 to 30 June 2026) moved by whole
   * weeks, so every date keeps its weekday, and the last day with attendance and evidence.
   *
   * @param lastDay the last day with attendance and evidence
   * @param weeks how many weeks the reference calendar moves (negative: earlier)
   */
  public record Plan(LocalDate lastDay, long weeks) {
    /** Required; {@code lastDay} is in the data's span (at or after the reference's last day). */
    public Plan {
      Objects.requireNonNull(lastDay, "lastDay");
      if (lastDay.isBefore(TODAY.plusWeeks(weeks))) {
        throw new IllegalArgumentException("the last day with data comes before the evidence");
      }
    }

    /** The cohort's first and last day. */
    public DateRange dates() {
      return new DateRange(START.plusWeeks(weeks), COHORT_DATES.last().plusWeeks(weeks));
    }

    /**
     * The cohort's name: {@value #COHORT_NAME} for the reference, else as a school names an intake,
     * by its first day in French (e.g. "Promo du 20 juillet 2026"), so re-dated cohorts never share
     * a name.
     */
    public String cohortName() {
      if (weeks == 0) {
        return COHORT_NAME;
      }
      return "Promo du "
          + dates()
              .first()
              .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH));
    }

    /**
     * The demo course's context id at the demo LMS: {@code dwwm-vlg-2025} for the reference, else
     * with the cohort's first day ({@code dwwm-vlg-20260720}). A course stays linked to one cohort,
     * so a re-dated cohort is another course.
     */
    public String contextId() {
      return DemoDataset.contextId(dates());
    }

    /** The school's Christmas closures inside the cohort's dates (22 December to 2 January). */
    public List<DateRange> closures() {
      DateRange d = dates();
      List<DateRange> closures = new ArrayList<>();
      for (int year = d.first().getYear(); year <= d.last().getYear(); year++) {
        LocalDate from = LocalDate.of(year, 12, 22);
        LocalDate to = LocalDate.of(year + 1, 1, 2);
        if (!from.isBefore(d.first()) && !to.isAfter(d.last())) {
          closures.add(new DateRange(from, to));
        }
      }
      return List.copyOf(closures);
    }

    LocalDate at(LocalDate referenceDate) {
      return referenceDate.plusWeeks(weeks);
    }
  }

  /**
   * The plan whose data end on {@code lastDay}: the reference calendar moved by the whole weeks
   * between {@link #TODAY} and {@code lastDay} (rounded down), attendance up to {@code lastDay}.
   * The same day always gives the same plan.
   */
  public static Plan plan(LocalDate lastDay) {
    return new Plan(lastDay, Math.floorDiv(ChronoUnit.DAYS.between(TODAY, lastDay), 7));
  }

  /**
   * The demo course's context id for a demo cohort of these dates: {@code dwwm-vlg-2025} for the
   * reference cohort, else {@code dwwm-vlg-} and the first day ({@code dwwm-vlg-20260720}).
   */
  public static String contextId(DateRange dates) {
    return dates.first().equals(START)
        ? "dwwm-vlg-2025"
        : "dwwm-vlg-" + dates.first().toString().replace("-", "");
  }

  /** The reference plan: "Promo 2025-2026", data up to {@link #TODAY}. */
  public static Plan reference() {
    return plan(TODAY);
  }

  /**
   * The plan of a demo opened at {@code clock}'s time: data up to yesterday (Paris), the cohort
   * started 18 to 19 weeks before and ends 24 to 25 weeks after.
   */
  public static Plan live(Clock clock) {
    return plan(LocalDate.ofInstant(clock.instant(), ZONE).minusDays(1));
  }

  /**
   * Writes the demo school and the reference plan's cohort, learners, attendance and evidence into
   * {@code tremplin}.
   */
  public static Demo load(Tremplin tremplin) {
    return load(tremplin, reference());
  }

  /** Writes the demo school and {@code plan}'s cohort, learners, attendance and evidence. */
  public static Demo load(Tremplin tremplin, Plan plan) {
    School school = tremplin.schools().create(ADMIN, SCHOOL_NAME, DEPARTEMENT);
    return loadCohort(tremplin, school, plan);
  }

  /**
   * Writes {@code plan}'s cohort, learners, attendance and evidence into the demo school {@code
   * school} (already created): how an old demo database gets a cohort running today.
   */
  public static Demo loadCohort(Tremplin tremplin, School school, Plan plan) {
    Random random = new Random(SEED);
    ProgrammeTemplate template = tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID);
    Cohort cohort = openCohort(tremplin, school, plan, template);
    Cast cast = Cast.of(school.id(), cohort.id());
    Actor coach = cast.coach();
    Map<Learner, Profile> learners = new LinkedHashMap<>();
    for (Profile p : PROFILES) {
      Learner learner =
          tremplin.learners().register(coach, school.id(), p.givenName(), p.familyName());
      tremplin.learners().join(coach, cohort.id(), learner.id(), plan.at(p.joined()));
      learners.put(learner, p);
    }
    recordAttendance(tremplin, cast.trainer(), cohort, learners, plan, random);
    for (Map.Entry<Learner, Profile> e : learners.entrySet()) {
      if (e.getValue().leaveReason() != null) {
        tremplin
            .learners()
            .leave(
                coach, cohort.id(), e.getKey().id(), plan.at(LEFT_ON), e.getValue().leaveReason());
      }
    }
    CertificationVersion dwwm = tremplin.certifications().version(template.certification());
    recordEvidence(tremplin, cast.trainer(), cohort, dwwm, learners, plan, random);
    for (Map.Entry<Learner, Profile> e : learners.entrySet()) {
      if (e.getValue().familyName().equals(ABSENT_LEARNER)) {
        tremplin.alerts().evaluate(cast.manager(), cohort.id(), e.getKey().id(), plan.lastDay());
      }
    }
    recordProject(tremplin, cast.trainer(), cohort, learners.keySet(), plan);
    recordInsertion(tremplin, cast.manager(), cohort, learners, plan);
    return new Demo(school, cohort, List.copyOf(learners.keySet()), cast);
  }

  /**
   * One real project delivered for an association of the neighbourhood (DOMAIN.md, Real projects):
   * Aïcha Diallo and Thomas Nguyen built the site of a QPV-based association, delivered on 12
   * December on CP2 and CP3, which records their "project" evidence.
   */
  private static void recordProject(
      Tremplin tremplin,
      Actor trainer,
      Cohort cohort,
      java.util.Collection<Learner> learners,
      Plan plan) {
    List<org.tremplin.api.LearnerId> team =
        learners.stream()
            .filter(l -> List.of("Diallo", "Nguyen").contains(l.familyName()))
            .map(Learner::id)
            .toList();
    var client =
        tremplin
            .projects()
            .registerClient(
                trainer,
                cohort.id(),
                new org.tremplin.api.project.NewClientOrganisation(
                    "Les Jardins partagés de la Caravelle",
                    org.tremplin.api.project.ClientKind.ASSOCIATION,
                    true));
    var project =
        tremplin
            .projects()
            .start(
                trainer,
                cohort.id(),
                new org.tremplin.api.project.NewProject(
                    client.id(),
                    "Site des Jardins de la Caravelle",
                    "Un site pour présenter les parcelles, le calendrier des ateliers et les"
                        + " inscriptions des habitants.",
                    team,
                    List.of("CP2", "CP3")));
    tremplin
        .projects()
        .addMilestone(
            trainer,
            project.id(),
            "Maquette validée par l'association",
            plan.at(LocalDate.of(2025, 11, 21)));
    tremplin.projects().markMilestoneDone(trainer, project.id(), 1);
    tremplin
        .projects()
        .deliver(
            trainer,
            project.id(),
            plan.at(LocalDate.of(2025, 12, 12)),
            new org.tremplin.api.project.Deliverable.Url(
                java.net.URI.create("https://jardins-caravelle.example.org/")),
            List.of("CP2", "CP3"));
  }

  /**
   * Something for the manager's dashboard (issue 13): the learner who left was hired on a CDI (an
   * exit), and the first two learners' insertion contracts end within 45 days of the last day.
   */
  private static void recordInsertion(
      Tremplin tremplin, Actor manager, Cohort cohort, Map<Learner, Profile> learners, Plan plan) {
    int contracts = 0;
    for (Map.Entry<Learner, Profile> e : learners.entrySet()) {
      if (e.getValue().leaveReason() != null) {
        tremplin
            .insertion()
            .recordExit(
                manager,
                cohort.id(),
                e.getKey().id(),
                org.tremplin.api.insertion.NewExit.of(
                    plan.at(LEFT_ON), org.tremplin.api.exit.ExitSituation.CDI));
      } else if (contracts < 2) {
        contracts++;
        tremplin
            .insertion()
            .recordContract(
                manager,
                cohort.id(),
                e.getKey().id(),
                new org.tremplin.api.contract.InsertionContract(
                    org.tremplin.api.eligibility.StructureKind.ACI,
                    plan.at(e.getValue().joined()),
                    plan.lastDay().plusDays(20L + 10L * contracts),
                    26,
                    List.of(),
                    List.of(),
                    ""));
      }
    }
  }

  /**
   * Opens {@code plan}'s cohort with its Christmas closure, or without it when the closure leaves a
   * phase of the template too few working days (the closure falls in the short first phase): the
   * programme's hours come first.
   */
  static Cohort openCohort(
      Tremplin tremplin, School school, Plan plan, ProgrammeTemplate template) {
    Actor manager = Cast.manager(school.id());
    try {
      return tremplin
          .cohorts()
          .open(
              manager,
              new NewCohort(
                  school.id(),
                  plan.cohortName(),
                  plan.dates(),
                  template.ref(),
                  12,
                  plan.closures()));
    } catch (TremplinException e) {
      if (plan.closures().isEmpty() || e.code() != ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR) {
        throw e;
      }
      return tremplin
          .cohorts()
          .open(
              manager,
              new NewCohort(
                  school.id(), plan.cohortName(), plan.dates(), template.ref(), 12, List.of()));
    }
  }

  /**
   * Records the working half-days after the cohort's last recorded one up to {@code lastDay}, for
   * the learners enrolled on each day, so a demo cohort opened again some days later has its
   * attendance up to yesterday again. The marks of a day come from a generator seeded with {@link
   * #SEED} and that day: the same days always give the same marks. Idempotent: a second call for
   * the same {@code lastDay} writes nothing.
   *
   * @return how many half-days were recorded
   */
  public static int topUp(Tremplin tremplin, Cohort cohort, LocalDate lastDay) {
    Cast cast = Cast.of(cohort.school(), cohort.id());
    LocalDate until = lastDay.isAfter(cohort.range().last()) ? cohort.range().last() : lastDay;
    if (until.isBefore(cohort.range().first())) {
      return 0;
    }
    LocalDate from =
        tremplin.attendance().current(cast.trainer(), cohort.id(), cohort.range()).stream()
            .map(r -> r.halfDay().date())
            .max(LocalDate::compareTo)
            .map(d -> d.plusDays(1))
            .orElse(cohort.range().first());
    if (from.isAfter(until)) {
      return 0;
    }
    List<Enrolment> enrolments = tremplin.learners().enrolments(cast.trainer(), cohort.id());
    CohortCalendar calendar = tremplin.cohorts().calendar(cast.trainer(), cohort.id());
    List<AttendanceEntry> entries = new ArrayList<>();
    for (LocalDate day : calendar.workingDaysIn(new DateRange(from, until))) {
      Random random = new Random(SEED + day.toEpochDay());
      for (Enrolment e : enrolments) {
        if (!e.enrolledOn(day, cohort.range().last())) {
          continue;
        }
        for (HalfDay halfDay : List.of(HalfDay.am(day), HalfDay.pm(day))) {
          entries.add(new AttendanceEntry(e.learner(), halfDay, drawMark(0.02, random)));
        }
      }
    }
    if (!entries.isEmpty()) {
      tremplin.attendance().recordAll(cast.trainer(), cohort.id(), entries);
    }
    return entries.size();
  }

  private static void recordAttendance(
      Tremplin tremplin,
      Actor trainer,
      Cohort cohort,
      Map<Learner, Profile> learners,
      Plan plan,
      Random random) {
    CohortCalendar calendar = tremplin.cohorts().calendar(trainer, cohort.id());
    List<LocalDate> days =
        List.copyOf(calendar.workingDaysIn(new DateRange(plan.dates().first(), plan.lastDay())));
    // the last two working days: one learner absent without a word (the alert of the demo)
    List<LocalDate> missed = days.subList(Math.max(0, days.size() - 2), days.size());
    Map<Learner, Integer> sickDaysLeft = new LinkedHashMap<>();
    List<AttendanceEntry> week = new ArrayList<>();
    List<AttendanceEntry> unjustified = new ArrayList<>();
    AttendanceEntry firstPresent = null;
    LocalDate currentMonday = null;
    for (LocalDate day : days) {
      LocalDate monday = day.with(DayOfWeek.MONDAY);
      if (currentMonday != null && !monday.equals(currentMonday) && !week.isEmpty()) {
        tremplin.attendance().recordAll(trainer, cohort.id(), week);
        week = new ArrayList<>();
      }
      currentMonday = monday;
      for (Map.Entry<Learner, Profile> e : learners.entrySet()) {
        Profile p = e.getValue();
        if (!p.enrolledOn(day, plan)) {
          continue;
        }
        int sick = sickDaysLeft.getOrDefault(e.getKey(), 0);
        if (sick == 0 && random.nextDouble() < 0.006) {
          sick = 1 + random.nextInt(3);
        }
        for (HalfDay halfDay : List.of(HalfDay.am(day), HalfDay.pm(day))) {
          AttendanceMark mark =
              sick > 0 ? AttendanceMark.of(Mark.SICK_LEAVE) : drawMark(p.absence(), random);
          if (p.familyName().equals(ABSENT_LEARNER) && missed.contains(day)) {
            mark = AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED); // drawn first: the rest stays
          }
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
      Plan plan,
      Random random) {
    for (Map.Entry<Learner, Profile> e : learners.entrySet()) {
      Learner learner = e.getKey();
      Profile p = e.getValue();
      int reach = p.reach();
      for (Round round : ROUNDS) {
        if (round.needsReach() > reach || !p.enrolledOn(plan.at(round.first()), plan)) {
          continue;
        }
        Competency competency =
            dwwm.competency(round.competency())
                .orElseThrow(() -> new IllegalStateException("no " + round.competency()));
        if (round.second() == null) {
          startCompetency(
              tremplin, trainer, cohort, learner, competency, plan.at(round.first()), random);
        } else {
          assessCompetency(tremplin, trainer, cohort, learner, p, competency, round, plan, random);
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
                plan.at(ECF_DAY));
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
                plan.at(TODAY));
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
      Plan plan,
      Random random) {
    boolean allAcquired = true;
    LocalDate first = plan.at(round.first());
    LocalDate decisionDay = first;
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
          first);
      LocalDate second = round.second() == null ? null : plan.at(round.second());
      if (result != AssessmentResult.ACQUIRED
          && second != null
          && !second.isAfter(plan.lastDay())
          && p.enrolledOn(second, plan)) {
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

    boolean enrolledOn(LocalDate day, Plan plan) {
      return !day.isBefore(plan.at(joined))
          && (leaveReason == null || day.isBefore(plan.at(LEFT_ON)));
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
