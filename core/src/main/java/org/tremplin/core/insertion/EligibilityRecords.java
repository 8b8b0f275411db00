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

  /** How many profile versions the learner has. */
  int profileVersions(LearnerId learner);

  /** Appends a profile as version {@code version} (1-based); fails if the number is taken. */
  void appendProfile(
      LearnerId learner, int version, EligibilityProfile profile, String by, Instant at);

  /** The newest profile. */
  Optional<EligibilityProfile> profile(LearnerId learner);

  /** Stores a diagnosis. */
  void insertDiagnosis(DiagnosisId id, LearnerId learner, EligibilityDiagnosis d, Instant at);

  /** A learner's diagnoses, oldest first (by date, then as recorded). */
  List<StoredDiagnosis> diagnoses(LearnerId learner);
}
