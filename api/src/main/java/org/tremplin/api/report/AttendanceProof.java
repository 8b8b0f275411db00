package org.tremplin.api.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.school.School;

/**
 * The attendance proof of a cohort over a period (the feuille d'émargement a funder audits,
 * DOMAIN.md, Calendar and attendance): every working half-day of the cohort's calendar in the
 * period, each learner's mark with every version (corrections with who, when and why), and totals.
 * Test accounts are never listed.
 *
 * @param school the cohort's school
 * @param cohort the cohort
 * @param period the period asked for
 * @param halfDays the working half-days of the cohort's calendar in the period, in order
 * @param learners the learners enrolled at some point of the period or marked in it, by name
 * @param generatedAt when the proof was read
 */
public record AttendanceProof(
    School school,
    Cohort cohort,
    DateRange period,
    List<HalfDay> halfDays,
    List<Sheet> learners,
    Instant generatedAt) {
  /**
   * Copies the lists.
   *
   * @param school the school
   * @param cohort the cohort
   * @param period the period
   * @param halfDays the half-days
   * @param learners the learners' sheets
   * @param generatedAt when
   */
  public AttendanceProof {
    TremplinException.required(school, "school");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(period, "period");
    halfDays = List.copyOf(TremplinException.required(halfDays, "half-days"));
    learners = List.copyOf(TremplinException.required(learners, "learners"));
    TremplinException.required(generatedAt, "generated at");
  }

  /**
   * One learner's lines of the proof.
   *
   * @param learner the learner
   * @param lines one per half-day of the proof, in order
   */
  public record Sheet(CountedLearner learner, List<Line> lines) {
    /**
     * Copies the list.
     *
     * @param learner the learner
     * @param lines the lines
     */
    public Sheet {
      TremplinException.required(learner, "learner");
      lines = List.copyOf(TremplinException.required(lines, "lines"));
    }

    /**
     * Half-days whose current mark counts as attended.
     *
     * @return the count
     */
    public int attended() {
      return count(Mark.Counts.ATTENDED);
    }

    /**
     * Half-days whose current mark is a justified absence.
     *
     * @return the count
     */
    public int justifiedAbsences() {
      return count(Mark.Counts.JUSTIFIED_ABSENCE);
    }

    /**
     * Half-days whose current mark is an unjustified absence.
     *
     * @return the count
     */
    public int unjustifiedAbsences() {
      return count(Mark.Counts.UNJUSTIFIED_ABSENCE);
    }

    /**
     * Half-days with no mark.
     *
     * @return the count
     */
    public int unmarked() {
      return (int) lines.stream().filter(l -> l.versions().isEmpty()).count();
    }

    /**
     * Corrections: versions after the first, over every half-day.
     *
     * @return the count
     */
    public int corrections() {
      return lines.stream().mapToInt(l -> Math.max(0, l.versions().size() - 1)).sum();
    }

    /**
     * Attended hours: 3.5 per attended half-day.
     *
     * @return the hours
     */
    public BigDecimal attendedHours() {
      return LearnerHours.HALF_DAY_HOURS.multiply(BigDecimal.valueOf(attended()));
    }

    private int count(Mark.Counts counts) {
      return (int)
          lines.stream()
              .filter(l -> l.current().filter(v -> v.mark().mark().counts() == counts).isPresent())
              .count();
    }
  }

  /**
   * One learner's half-day: every stored version, oldest first (none when unmarked).
   *
   * @param halfDay the half-day
   * @param versions the versions, version 1 first
   */
  public record Line(HalfDay halfDay, List<AttendanceRecord> versions) {
    /**
     * Copies the list.
     *
     * @param halfDay the half-day
     * @param versions the versions
     */
    public Line {
      TremplinException.required(halfDay, "half-day");
      versions = List.copyOf(TremplinException.required(versions, "versions"));
    }

    /**
     * The current version.
     *
     * @return the newest version; empty when the half-day is unmarked
     */
    public Optional<AttendanceRecord> current() {
      return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
  }
}
