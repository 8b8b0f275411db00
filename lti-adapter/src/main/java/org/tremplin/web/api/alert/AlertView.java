package org.tremplin.web.api.alert;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.AlertStatus;

/**
 * A risk alert on a learner. Immutable.
 *
 * @param id the alert's id
 * @param cohort the cohort's id
 * @param learner the learner's id
 * @param signal what raised it ({@code UnjustifiedAbsences}, {@code LowAttendance}, ...)
 * @param situation the situation it stands for (one open alert per situation)
 * @param raisedOn when it was raised
 * @param status open, acknowledged or resolved
 * @param changedBy the actor id who last changed it
 * @param changedAt when
 */
@Schema(name = "Alert", description = "A risk alert on a learner.")
public record AlertView(
    @Schema(example = "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d", format = "uuid") String id,
    @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String cohort,
    @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
    @Schema(example = "LowAttendance") String signal,
    @Schema(example = "LOW_ATTENDANCE") String situation,
    @Schema(example = "2026-03-02") LocalDate raisedOn,
    AlertStatus status,
    @Schema(example = "system") String changedBy,
    @Schema(example = "2026-03-02T06:00:00Z") Instant changedAt) {

  /**
   * The view of an alert.
   *
   * @param alert the alert
   * @return the view
   */
  public static AlertView of(Alert alert) {
    return new AlertView(
        alert.id().toString(),
        alert.cohort().value().toString(),
        alert.learner().value().toString(),
        alert.signal().getClass().getSimpleName(),
        alert.signal().situation(),
        alert.raisedOn(),
        alert.status(),
        alert.changedBy(),
        alert.changedAt());
  }

  /**
   * A learner's open alerts.
   *
   * @param items the alerts
   */
  @Schema(name = "AlertList")
  public record AlertList(List<AlertView> items) {}
}
