package org.tremplin.web.api.cohort;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEventKind;

/**
 * A learner's enrolment in a cohort, with its history. Immutable.
 *
 * @param cohort the cohort's id
 * @param learner the learner's id
 * @param enrolled whether they are enrolled now (their last event is not a departure)
 * @param history what happened, oldest first
 */
@Schema(name = "Enrolment", description = "A learner's enrolment in a cohort.")
public record EnrolmentView(
    @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String cohort,
    @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
    @Schema(example = "true") boolean enrolled,
    List<Event> history) {

  /**
   * One event of an enrolment.
   *
   * @param kind joined, left or re-entered
   * @param date when
   * @param reason why (for a departure); may be empty
   * @param recordedBy the actor id who recorded it
   * @param recordedAt when it was recorded
   */
  @Schema(name = "EnrolmentEvent")
  public record Event(
      EnrolmentEventKind kind,
      @Schema(example = "2025-09-01") LocalDate date,
      @Schema(example = "") String reason,
      @Schema(example = "token:3f2a0c1d9e8b4a7c6d5e4f3a2b1c0d9e") String recordedBy,
      @Schema(example = "2025-09-01T08:30:00Z") Instant recordedAt) {}

  /**
   * The view of an enrolment.
   *
   * @param enrolment the enrolment
   * @return the view
   */
  public static EnrolmentView of(Enrolment enrolment) {
    List<Event> history =
        enrolment.history().stream()
            .map(e -> new Event(e.kind(), e.date(), e.reason(), e.recordedBy(), e.recordedAt()))
            .toList();
    return new EnrolmentView(
        enrolment.cohort().value().toString(),
        enrolment.learner().value().toString(),
        !history.isEmpty() && history.get(history.size() - 1).kind() != EnrolmentEventKind.LEFT,
        history);
  }
}
