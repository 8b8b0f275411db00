package org.tremplin.lti.grades;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tremplin.api.TremplinException;

/**
 * An AGS score as Tremplin posts it (AGS 2.0 §3.4, LTI.md §5). Our own record: Tsugi's {@code
 * Score} has no {@code userId} and no {@code scoreMaximum} (ADR 0008). Immutable.
 *
 * @param userId the learner's platform user id (the launch's {@code sub})
 * @param scoreGiven the score, from 0 to {@code scoreMaximum}
 * @param scoreMaximum the maximum, above 0
 * @param activityProgress e.g. {@code Completed}
 * @param gradingProgress e.g. {@code FullyGraded} (Moodle drops a score that is not)
 * @param timestamp when the score was set in Tremplin; sent with millisecond precision
 */
public record Score(
    String userId,
    double scoreGiven,
    double scoreMaximum,
    String activityProgress,
    String gradingProgress,
    Instant timestamp) {
  /** The learner finished the activity. */
  public static final String COMPLETED = "Completed";

  /** The grade is final. */
  public static final String FULLY_GRADED = "FullyGraded";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  /** Ids and progress required, the score within its maximum; the time cut to milliseconds. */
  public Score {
    TremplinException.requiredText(userId, "userId");
    TremplinException.requiredText(activityProgress, "activityProgress");
    TremplinException.requiredText(gradingProgress, "gradingProgress");
    TremplinException.required(timestamp, "timestamp");
    TremplinException.check(scoreMaximum > 0, "scoreMaximum must be above 0");
    TremplinException.check(
        scoreGiven >= 0 && scoreGiven <= scoreMaximum, "scoreGiven must be 0 to scoreMaximum");
    timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A final grade of a completed activity. */
  public static Score graded(String userId, double given, double maximum, Instant timestamp) {
    return new Score(userId, given, maximum, COMPLETED, FULLY_GRADED, timestamp);
  }

  /**
   * The timestamp as sent: ISO-8601 with milliseconds, e.g. {@code 2026-12-03T09:00:00.120+00:00}.
   */
  public String stamp() {
    return STAMP.format(timestamp);
  }

  /** The JSON members, in the spec's order. */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("userId", userId);
    m.put("scoreGiven", scoreGiven);
    m.put("scoreMaximum", scoreMaximum);
    m.put("activityProgress", activityProgress);
    m.put("gradingProgress", gradingProgress);
    m.put("timestamp", stamp());
    return m;
  }
}
