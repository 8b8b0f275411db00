package org.tremplin.web.api.frame;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.calendar.HalfDayPart;

/**
 * Reads the path and query parameters of the REST API: ids (UUIDs), ISO dates, half-day parts. A
 * malformed one is a 400 {@link Problem} naming the parameter. Stateless.
 */
public final class Params {
  private Params() {}

  /**
   * A UUID parameter.
   *
   * @param name the parameter's name
   * @param value its value
   * @return the UUID
   * @throws Problem 400 when it is not a UUID
   */
  public static UUID uuid(String name, @Nullable String value) {
    if (value == null || value.length() != 36) {
      throw Problem.badRequest(name, "not an id (UUID)");
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw Problem.badRequest(name, "not an id (UUID)");
    }
  }

  /**
   * A school id.
   *
   * @param value the parameter's value
   * @return the id
   */
  public static SchoolId school(@Nullable String value) {
    return new SchoolId(uuid("school", value));
  }

  /**
   * A cohort id.
   *
   * @param value the parameter's value
   * @return the id
   */
  public static CohortId cohort(@Nullable String value) {
    return new CohortId(uuid("cohort", value));
  }

  /**
   * A learner id.
   *
   * @param value the parameter's value
   * @return the id
   */
  public static LearnerId learner(@Nullable String value) {
    return new LearnerId(uuid("learner", value));
  }

  /**
   * A required ISO date ({@code 2026-03-02}).
   *
   * @param name the parameter's name
   * @param value its value
   * @return the date
   * @throws Problem 400 when absent or not an ISO date
   */
  public static LocalDate date(String name, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      throw Problem.badRequest(name, "required (an ISO date, e.g. 2026-03-02)");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw Problem.badRequest(name, "not an ISO date (e.g. 2026-03-02)");
    }
  }

  /**
   * A half-day part, {@code AM} or {@code PM}.
   *
   * @param value the parameter's value
   * @return the part
   * @throws Problem 400 otherwise
   */
  public static HalfDayPart part(@Nullable String value) {
    if ("AM".equals(value)) {
      return HalfDayPart.AM;
    }
    if ("PM".equals(value)) {
      return HalfDayPart.PM;
    }
    throw Problem.badRequest("part", "AM or PM");
  }
}
