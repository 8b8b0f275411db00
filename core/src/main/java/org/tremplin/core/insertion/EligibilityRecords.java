package org.tremplin.core.insertion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.LearnerId;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.insertion.DiagnosisId;
import org.tremplin.api.insertion.EligibilityProfile;

/**
 * Stored eligibility profiles (versioned) and diagnoses, append-only. Thread-safe; calls inside a
 * transaction join it. Reads return empty when nothing is stored.
 */
public interface EligibilityRecords {
  /**
   * A stored diagnosis.
   *
   * @param id its id
   * @param diagnosis as recorded
   * @param recordedAt when
   */
  record StoredDiagnosis(DiagnosisId id, EligibilityDiagnosis diagnosis, Instant recordedAt) {}

  /**
   * How many profile versions the learner has.
   *
   * @param learner the learner
   * @return how many profile versions the learner has
   */
  int profileVersions(LearnerId learner);

  /**
   * Appends a profile as version {@code version} (1-based); fails if the number is taken.
   *
   * @param learner the learner
   * @param version the version
   * @param profile the profile
   * @param by the by
   * @param at the instant
   */
  void appendProfile(
      LearnerId learner, int version, EligibilityProfile profile, String by, Instant at);

  /**
   * The newest profile.
   *
   * @param learner the learner
   * @return the newest profile
   */
  Optional<EligibilityProfile> profile(LearnerId learner);

  /**
   * Stores a diagnosis.
   *
   * @param id the identifier
   * @param learner the learner
   * @param d the d
   * @param at the instant
   */
  void insertDiagnosis(DiagnosisId id, LearnerId learner, EligibilityDiagnosis d, Instant at);

  /**
   * A learner's diagnoses, oldest first (by date, then as recorded).
   *
   * @param learner the learner
   * @return a learner's diagnoses, oldest first (by date, then as recorded)
   */
  List<StoredDiagnosis> diagnoses(LearnerId learner);
}
