package org.tremplin.api.learner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;

/**
 * A learner's place in a cohort, as its full history of events; periods of enrolment are derived
 * from it.
 *
 * @param cohort the cohort
 * @param learner the learner
 * @param history the events, oldest first (starts with JOINED)
 */
public record Enrolment(CohortId cohort, LearnerId learner, List<EnrolmentEvent> history) {
  /**
   * All fields required; history not empty.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param history the history
   */
  public Enrolment {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    history = List.copyOf(TremplinException.required(history, "history"));
    TremplinException.check(!history.isEmpty(), "an enrolment has at least one event");
  }

  /**
   * Whether the learner is enrolled now (last event is not LEFT).
   *
   * @return whether the learner is enrolled now (last event is not LEFT)
   */
  public boolean active() {
    return history.get(history.size() - 1).kind() != EnrolmentEventKind.LEFT;
  }

  /**
   * The periods the learner was enrolled, each clipped to the cohort's last day.
   *
   * @param cohortLast the cohort's last day (end of an open period)
   * @return the periods the learner was enrolled, each clipped to the cohort's last day
   */
  public List<DateRange> periods(LocalDate cohortLast) {
    List<DateRange> periods = new ArrayList<>();
    LocalDate open = null;
    for (EnrolmentEvent e : history) {
      if (e.kind() == EnrolmentEventKind.LEFT) {
        if (open != null && e.date().isAfter(open)) {
          periods.add(new DateRange(open, e.date().minusDays(1)));
        }
        open = null;
      } else if (open == null) {
        open = e.date();
      }
    }
    if (open != null && !open.isAfter(cohortLast)) {
      periods.add(new DateRange(open, cohortLast));
    }
    return periods;
  }

  /**
   * Whether the learner was enrolled on that day.
   *
   * @param day the day
   * @param cohortLast the cohort last
   * @return whether the learner was enrolled on that day
   */
  public boolean enrolledOn(LocalDate day, LocalDate cohortLast) {
    return periods(cohortLast).stream().anyMatch(p -> p.contains(day));
  }
}
