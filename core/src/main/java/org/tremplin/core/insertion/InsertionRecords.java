package org.tremplin.core.insertion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.cohort.CohortId;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.insertion.DiagnosisId;
import org.tremplin.api.insertion.EligibilityProfile;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.FollowUp;
import org.tremplin.api.learner.LearnerId;

/**
 * Stored insertion paths, append-only. Thread-safe; calls inside a transaction join it. Reads
 * return empty when nothing is stored.
 */
public interface InsertionRecords {
  /** What a suspension suspends. */
  enum Subject {
    /** The insertion contract. */
    CONTRACT,
    /** The PASS IAE. */
    PASS
  }

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

  /** Stores a contract, its renewals and suspensions; fails if the learner has one. */
  void insertContract(LearnerId learner, InsertionContract contract, String by, Instant at);

  /** Appends a renewal as number {@code seq} (1-based); fails if the number is taken. */
  void appendRenewal(LearnerId learner, int seq, ContractAmendment renewal, String by, Instant at);

  /** Appends a suspension as number {@code seq} (1-based) of its subject. */
  void appendSuspension(
      LearnerId learner, Subject subject, int seq, Suspension suspension, String by, Instant at);

  /** The learner's contract with every amendment. */
  Optional<InsertionContract> contract(LearnerId learner);

  /** Stores a PASS, its suspensions and prolongations; fails if the learner has one. */
  void insertPass(LearnerId learner, PassIae pass, String by, Instant at);

  /** Appends a prolongation as number {@code seq} (1-based). */
  void appendProlongation(
      LearnerId learner, int seq, PassProlongation prolongation, String by, Instant at);

  /** The learner's PASS with every amendment. */
  Optional<PassIae> pass(LearnerId learner);

  /** Appends an exit version; fails if that version is taken. */
  void appendExit(Exit exit);

  /** Every version of a learner's exit from a cohort, oldest first. */
  List<Exit> exitHistory(CohortId cohort, LearnerId learner);

  /** The newest version of every exit of a cohort. */
  List<Exit> currentExits(CohortId cohort);

  /** Stores a follow-up; fails if one exists. */
  void insertFollowUp(FollowUp followUp);

  /** The follow-up of a learner's exit from a cohort. */
  Optional<FollowUp> followUp(CohortId cohort, LearnerId learner);

  /** Learners of a cohort whose follow-up is recorded. */
  List<LearnerId> followedUp(CohortId cohort);
}
