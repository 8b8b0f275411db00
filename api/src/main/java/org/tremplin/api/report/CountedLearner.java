package org.tremplin.api.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A learner a figure counts, in the cohort where it counts them. A reader who may not open the
 * school's learner files (a network administrator, DOMAIN.md) gets the {@linkplain #pseudonymous()
 * pseudonymous} form: no name, no learner id, only the reference, which the school's manager sees
 * beside the name in the same report.
 *
 * @param cohort the cohort
 * @param learner the learner; in the pseudonymous form an id made of the reference's digits ({@code
 *     00000000-0000-0000-0000-00…}), which no service knows
 * @param displayName "Given Family" (blanked after an erasure); in the pseudonymous form the
 *     reference
 * @param reference the pseudonymous reference, {@code L-} and 10 hexadecimal digits derived from
 *     the learner id, the same in every report
 */
public record CountedLearner(
    CohortId cohort, LearnerId learner, String displayName, String reference) {
  /**
   * All required.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param displayName the display name
   * @param reference the pseudonymous reference
   */
  public CountedLearner {
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(displayName, "display name");
    TremplinException.requiredText(reference, "reference");
  }

  /**
   * A learner by name, with the reference derived from their id.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @param displayName the display name
   */
  public CountedLearner(CohortId cohort, LearnerId learner, String displayName) {
    this(cohort, learner, displayName, referenceOf(learner));
  }

  /**
   * The same learner without name or id: the reference stands for both.
   *
   * @return the pseudonymous form (itself when already pseudonymous)
   */
  public CountedLearner pseudonymous() {
    if (displayName.equals(reference)) {
      return this;
    }
    UUID hidden = new UUID(0L, Long.parseLong(reference.substring(2), 16));
    return new CountedLearner(cohort, new LearnerId(hidden), reference, reference);
  }

  /**
   * The pseudonymous reference of a learner: {@code L-} and the first 10 hexadecimal digits of the
   * SHA-256 of a fixed prefix and the id. It hides the name from a report's reader; it is not an
   * anonymisation against someone who also holds the list of learner ids (ADR 0013).
   *
   * @param learner the learner
   * @return the reference, e.g. {@code L-3F9A1C2B07}
   */
  public static String referenceOf(LearnerId learner) {
    MessageDigest sha256 = SHA_256.get();
    sha256.reset();
    byte[] hash =
        sha256.digest(
            ("tremplin-report-reference:" + learner.value()).getBytes(StandardCharsets.UTF_8));
    return "L-" + HexFormat.of().withUpperCase().formatHex(hash, 0, 5);
  }

  /** One digest per thread: reports make one reference per row counted. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
          });
}
