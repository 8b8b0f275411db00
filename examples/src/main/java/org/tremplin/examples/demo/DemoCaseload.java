package org.tremplin.examples.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.coaching.ActionOwner;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.coaching.NewAction;
import org.tremplin.api.coaching.NewBarrier;
import org.tremplin.api.coaching.NewObjective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.eligibility.SupportingDocument;
import org.tremplin.api.insertion.NewDiagnosis;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;

/**
 * The demo coach's caseload, so that their first screen shows something (issue 13): the first
 * learner (by family name) met 41 days ago and not since (an overdue meeting), the second with a
 * contract (CDDI) and a PASS IAE ending within 45 days and an eligibility diagnosis with its
 * proofs, and the learner with unjustified absences (whose alert the dataset raised) met ten days
 * ago — with an ordinary and a confidential note — with a mobility barrier, an action and a next
 * meeting in two days; the others were met between 8 and 24 days ago. Then the alerts of the first
 * two are evaluated as of today. Idempotent: a learner who already has meetings (or a contract) is
 * left as they are. Stateless.
 */
final class DemoCaseload {
  private DemoCaseload() {}

  /**
   * Writes the coaching records above as {@code coach}, the referent of every learner.
   *
   * @param tremplin the engine
   * @param coach the demo coach (referent of the learners)
   * @param cohort the demo cohort
   * @param learners its learners, by family then given name
   * @param absent the family name of the learner with unjustified absences
   * @param today the seeding day
   */
  static void seed(
      Tremplin tremplin,
      Actor coach,
      CohortId cohort,
      List<Learner> learners,
      String absent,
      LocalDate today) {
    List<Learner> others =
        learners.stream().filter(l -> !l.familyName().equals(absent)).limit(2).toList();
    if (others.size() < 2) {
      return;
    }
    Learner overdue = others.get(0);
    if (meetings(tremplin, coach, cohort, overdue).isEmpty()) {
      held(tremplin, coach, cohort, overdue, today.minusDays(41), "Point sur le projet web.", "");
      tremplin.alerts().evaluate(coach, cohort, overdue.id(), today);
    }
    Learner ending = others.get(1);
    if (tremplin.insertion().contract(coach, cohort, ending.id(), today).isEmpty()) {
      LocalDate start = today.minusMonths(4).plusDays(20);
      tremplin
          .insertion()
          .recordDiagnosis(
              coach,
              cohort,
              ending.id(),
              new NewDiagnosis(
                  start.minusDays(10),
                  StructureKind.ACI,
                  List.of("JEUNE", "QPV", "CAP_BEP"),
                  List.of(
                      new SupportingDocument("JEUNE", start.minusDays(12)),
                      new SupportingDocument("QPV", start.minusDays(12)))));
      tremplin
          .insertion()
          .recordContract(
              coach,
              cohort,
              ending.id(),
              new InsertionContract(
                  StructureKind.ACI, start, today.plusDays(30), 35, List.of(), List.of(), ""));
      tremplin
          .insertion()
          .recordPass(
              coach,
              cohort,
              ending.id(),
              new PassIae("99999" + "2400123", today.minusDays(690), List.of(), List.of()));
      held(tremplin, coach, cohort, ending, today.minusDays(6), "Préparer la sortie.", "");
      tremplin.alerts().evaluate(coach, cohort, ending.id(), today);
    }
    int n = 0;
    for (Learner l : learners) {
      if (!l.familyName().equals(absent)
          && !others.contains(l)
          && meetings(tremplin, coach, cohort, l).isEmpty()) {
        held(tremplin, coach, cohort, l, today.minusDays(8 + 2L * n++), "Point d’étape.", "");
      }
    }
    learners.stream()
        .filter(l -> l.familyName().equals(absent))
        .findFirst()
        .filter(l -> meetings(tremplin, coach, cohort, l).isEmpty())
        .ifPresent(
            l -> {
              held(
                  tremplin,
                  coach,
                  cohort,
                  l,
                  today.minusDays(10),
                  "Absences du matin : horaires de bus.",
                  "Situation familiale difficile, en parler avant toute relance.");
              tremplin
                  .coaching()
                  .openBarrier(
                      coach,
                      cohort,
                      l.id(),
                      new NewBarrier(
                          BarrierCategory.MOBILITY,
                          BarrierSeverity.MEDIUM,
                          today.minusDays(10),
                          "Pas de transport avant 8 h 30 depuis le domicile."));
              var objective =
                  tremplin
                      .coaching()
                      .addObjective(
                          coach,
                          cohort,
                          l.id(),
                          new NewObjective(
                              "Venir à l’heure le matin",
                              new ObjectiveFocus.CareerProject(),
                              today.minusDays(10)));
              tremplin
                  .coaching()
                  .addAction(
                      coach,
                      cohort,
                      l.id(),
                      objective.id(),
                      new NewAction(
                          "Demander l’aide à la mobilité à France Travail",
                          ActionOwner.LEARNER,
                          today.plusDays(7)));
              tremplin
                  .coaching()
                  .planMeeting(
                      coach,
                      cohort,
                      l.id(),
                      workingDay(today.plusDays(2)).atTime(LocalTime.of(10, 0)),
                      "Point mobilité");
            });
  }

  /** The day, or the Monday after it when it falls on a weekend. */
  private static LocalDate workingDay(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.plusDays(2);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }

  private static List<CoachingMeeting> meetings(
      Tremplin tremplin, Actor coach, CohortId cohort, Learner learner) {
    return tremplin.coaching().meetings(coach, cohort, learner.id());
  }

  private static void held(
      Tremplin tremplin,
      Actor coach,
      CohortId cohort,
      Learner learner,
      LocalDate day,
      String note,
      String confidential) {
    CoachingMeeting planned =
        tremplin
            .coaching()
            .planMeeting(
                coach, cohort, learner.id(), LocalDateTime.of(day, LocalTime.of(14, 0)), "");
    tremplin
        .coaching()
        .recordOutcome(
            coach, cohort, learner.id(), planned.id(), new MeetingOutcome.Held(note, confidential));
  }
}
