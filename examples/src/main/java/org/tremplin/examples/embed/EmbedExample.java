package org.tremplin.examples.embed;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;

/**
 * The library used directly from Java: open Tremplin on an in-memory H2 database, create a school
 * and a cohort on the built-in template, enrol three learners, record the first day's attendance
 * sheet, and read the day's attendance rates. Every call names its {@link Actor}, and each step is
 * done by the role allowed to do it: an admin creates the school, the school's manager opens the
 * cohort, its coach registers and enrols the learners, and the cohort's trainer records the sheet.
 *
 * <p>Run it with {@code java -cp tremplin.jar org.tremplin.examples.embed.EmbedExample}. Stateless
 * and thread-safe.
 */
public final class EmbedExample {
  /** The first day of the example cohort, a Monday. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 1);

  private EmbedExample() {}

  /** Runs the example and prints the first day's attendance. */
  public static void main(String[] args) {
    // A fixed clock keeps the example reproducible: "now" is the evening of the first day.
    ZoneId paris = ZoneId.of("Europe/Paris");
    Clock clock = Clock.fixed(FIRST_DAY.atTime(18, 0).atZone(paris).toInstant(), paris);
    Tremplin tremplin =
        Tremplin.create(
            Tremplin.dataSource("jdbc:h2:mem:embed;DB_CLOSE_DELAY=-1", "sa", ""), clock);
    AttendanceRates rates = firstDay(tremplin);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    out.printf(
        "%s: %d half-days planned, %d attended, %d absent (justified), %d absent (unjustified),"
            + " %d min late, attendance rate %s%n",
        rates.period(),
        rates.planned(),
        rates.attended(),
        rates.justifiedAbsences(),
        rates.unjustifiedAbsences(),
        rates.lateMinutes(),
        rates.attendanceRate());
  }

  /**
   * Creates a school and a cohort starting on {@link #FIRST_DAY}, enrols three learners, records
   * the morning and afternoon of that day, and returns the cohort's rates for the day as its
   * trainer reads them. {@code tremplin}'s clock must be on or after {@link #FIRST_DAY}.
   */
  public static AttendanceRates firstDay(Tremplin tremplin) {
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    School school =
        tremplin.schools().create(admin, "École du Web de Nanterre", Departement.of("92"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Cohort cohort =
        tremplin
            .cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo découverte",
                    new DateRange(FIRST_DAY, LocalDate.of(2026, 6, 30)),
                    tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID).ref(),
                    12,
                    List.of()));
    Actor coach = Actor.of("coach", Role.COACH, new Scope.OfSchool(school.id()));
    List<Learner> learners =
        List.of(
            tremplin.learners().register(coach, school.id(), "Nadia", "Belkacem"),
            tremplin.learners().register(coach, school.id(), "Hugo", "Lambert"),
            tremplin.learners().register(coach, school.id(), "Fatou", "Sow"));
    for (Learner l : learners) {
      tremplin.learners().join(coach, cohort.id(), l.id(), FIRST_DAY);
    }
    Actor trainer = Actor.of("trainer", Role.TRAINER, new Scope.OfCohort(school.id(), cohort.id()));
    List<AttendanceEntry> sheet = new ArrayList<>();
    for (Learner l : learners) {
      sheet.add(
          new AttendanceEntry(l.id(), HalfDay.am(FIRST_DAY), AttendanceMark.of(Mark.PRESENT)));
    }
    sheet.add(
        new AttendanceEntry(learners.get(0).id(), HalfDay.pm(FIRST_DAY), AttendanceMark.late(15)));
    sheet.add(
        new AttendanceEntry(
            learners.get(1).id(), HalfDay.pm(FIRST_DAY), AttendanceMark.of(Mark.PRESENT)));
    sheet.add(
        new AttendanceEntry(
            learners.get(2).id(), HalfDay.pm(FIRST_DAY), AttendanceMark.of(Mark.ABSENT_JUSTIFIED)));
    tremplin.attendance().recordAll(trainer, cohort.id(), sheet);
    return tremplin.attendance().cohortRates(trainer, cohort.id(), DateRange.of(FIRST_DAY));
  }
}
