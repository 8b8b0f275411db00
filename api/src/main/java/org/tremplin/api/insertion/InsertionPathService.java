package org.tremplin.api.insertion;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Actor;
import org.tremplin.api.contract.ContractAmendment;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.contract.PassProlongation;
import org.tremplin.api.contract.Suspension;
import org.tremplin.api.eligibility.CriterionSuggestion;

/**
 * A learner's stored insertion path: eligibility profile and diagnoses, insertion contract (CDDI),
 * PASS IAE, exit and its six-month follow-up (DOMAIN.md, The insertion path; Exits).
 *
 * <p>Every method takes the {@link Actor} first and checks {@code INSERTION_READ} (reads) or {@code
 * INSERTION_WRITE} (writes) on the learner of the cohort: their referent coach, a manager of the
 * school, or the learner themself for reads. A refused call throws {@code ACCESS_DENIED} and writes
 * nothing; every write is one transaction. The learner must have joined the cohort ({@code
 * LEARNER_NOT_ENROLLED} otherwise). The profile, the diagnoses, the contract and the PASS belong to
 * the learner; the cohort names the access scope. The exit belongs to the learner in the cohort.
 * Stored data is never overwritten: amendments and corrections append.
 *
 * <p>Implementations are thread-safe.
 */
public interface InsertionPathService {
  /**
   * Saves the learner's eligibility profile (the previous one is kept as history).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param profile the profile
   * @return the profile saved
   */
  EligibilityProfile recordProfile(
      Actor actor, CohortId cohort, LearnerId learner, EligibilityProfile profile);

  /**
   * The learner's current profile; empty when none was recorded.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's current profile; empty when none was recorded
   */
  Optional<EligibilityProfile> profile(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * The criteria the stored profile suggests on a day, in the list's order; empty without a
   * profile.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the criteria the stored profile suggests on a day, in the list's order; empty without a
   *     profile
   */
  List<CriterionSuggestion> suggest(Actor actor, CohortId cohort, LearnerId learner, LocalDate on);

  /**
   * Records a diagnosis authored by the actor and returns it with its evaluation.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param diagnosis the diagnosis
   * @return it with its evaluation
   * @throws org.tremplin.api.TremplinException {@code INSERTION_DATE_IN_FUTURE}, {@code
   *     ELIGIBILITY_UNKNOWN_CRITERION}, {@code ELIGIBILITY_NO_CRITERIA_VERSION}
   */
  RecordedDiagnosis recordDiagnosis(
      Actor actor, CohortId cohort, LearnerId learner, NewDiagnosis diagnosis);

  /**
   * The learner's diagnoses, oldest first, each with its evaluation; empty when none.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's diagnoses, oldest first, each with its evaluation; empty when none
   */
  List<RecordedDiagnosis> diagnoses(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * The newest diagnosis still valid on a day: within its validity (6 months), or at any later day
   * while the learner's PASS IAE runs. Empty when none is.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the newest diagnosis still valid on a day: within its validity (6 months), or at any
   *     later day while the learner's PASS IAE runs
   */
  Optional<RecordedDiagnosis> currentDiagnosis(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on);

  /**
   * Records the learner's insertion contract (with any renewals and suspensions it already has),
   * and returns it assessed today. The rules' violations are reported in the assessment, not
   * refused.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param contract the contract
   * @return it assessed today
   * @throws org.tremplin.api.TremplinException {@code CONTRACT_ALREADY_RECORDED}
   */
  AssessedContract recordContract(
      Actor actor, CohortId cohort, LearnerId learner, InsertionContract contract);

  /**
   * Appends a renewal to the learner's contract; returns it assessed today.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param renewal the renewal
   * @return it assessed today
   * @throws org.tremplin.api.TremplinException {@code CONTRACT_NOT_RECORDED}
   */
  AssessedContract renewContract(
      Actor actor, CohortId cohort, LearnerId learner, ContractAmendment renewal);

  /**
   * Appends a suspension to the learner's contract; returns it assessed today.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param suspension the suspension
   * @return it assessed today
   * @throws org.tremplin.api.TremplinException {@code CONTRACT_NOT_RECORDED}
   */
  AssessedContract suspendContract(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension);

  /**
   * The learner's contract assessed on a day; empty when none was recorded.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the learner's contract assessed on a day; empty when none was recorded
   */
  Optional<AssessedContract> contract(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on);

  /**
   * Records the learner's PASS IAE (with any suspensions and prolongations it already has); returns
   * its status today.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param pass the pass
   * @return its status today
   * @throws org.tremplin.api.TremplinException {@code PASS_ALREADY_RECORDED}
   */
  AssessedPass recordPass(Actor actor, CohortId cohort, LearnerId learner, PassIae pass);

  /**
   * Appends a suspension to the learner's PASS IAE; returns its status today.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param suspension the suspension
   * @return its status today
   * @throws org.tremplin.api.TremplinException {@code PASS_NOT_RECORDED}
   */
  AssessedPass suspendPass(Actor actor, CohortId cohort, LearnerId learner, Suspension suspension);

  /**
   * Appends a prolongation to the learner's PASS IAE; returns its status today.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param prolongation the prolongation
   * @return its status today
   * @throws org.tremplin.api.TremplinException {@code PASS_NOT_RECORDED}
   */
  AssessedPass prolongPass(
      Actor actor, CohortId cohort, LearnerId learner, PassProlongation prolongation);

  /**
   * The learner's PASS IAE and its status on a day; empty when none was recorded.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param on the day it is evaluated on
   * @return the learner's PASS IAE and its status on a day; empty when none was recorded
   */
  Optional<AssessedPass> pass(Actor actor, CohortId cohort, LearnerId learner, LocalDate on);

  /**
   * Records the learner's exit from the cohort; the category is derived by the exit rules and
   * stored with their version.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param exit the exit
   * @return the exit
   * @throws org.tremplin.api.TremplinException {@code EXIT_ALREADY_RECORDED} (correct it instead),
   *     {@code INSERTION_DATE_IN_FUTURE}, {@code EXIT_CONTRACT_LENGTH_REQUIRED}
   */
  Exit recordExit(Actor actor, CohortId cohort, LearnerId learner, NewExit exit);

  /**
   * Corrects the learner's exit: appends the next version, with its reason and a category derived
   * anew.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param exit the exit
   * @param reason the reason
   * @return the exit
   * @throws org.tremplin.api.TremplinException {@code EXIT_NOT_RECORDED}, {@code
   *     INSERTION_DATE_IN_FUTURE}, {@code EXIT_CONTRACT_LENGTH_REQUIRED}
   */
  Exit correctExit(Actor actor, CohortId cohort, LearnerId learner, NewExit exit, String reason);

  /**
   * The learner's exit from the cohort (its newest version); empty when none was recorded.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the learner's exit from the cohort (its newest version); empty when none was recorded
   */
  Optional<Exit> exit(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Every version of the learner's exit from the cohort, oldest first; empty when none.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return every version of the learner's exit from the cohort, oldest first; empty when none
   */
  List<Exit> exitHistory(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Records the situation six months after the learner's exit, with its own derived category.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @param followUp the follow up
   * @return the follow up
   * @throws org.tremplin.api.TremplinException {@code EXIT_NOT_RECORDED}, {@code
   *     FOLLOW_UP_ALREADY_RECORDED}, {@code FOLLOW_UP_NOT_DUE} before the due day, {@code
   *     INSERTION_DATE_IN_FUTURE}
   */
  FollowUp recordFollowUp(Actor actor, CohortId cohort, LearnerId learner, NewFollowUp followUp);

  /**
   * The follow-up of the learner's exit; empty when not recorded yet.
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param learner the learner
   * @return the follow-up of the learner's exit; empty when not recorded yet
   */
  Optional<FollowUp> followUp(Actor actor, CohortId cohort, LearnerId learner);

  /**
   * Exits of the cohort whose follow-up is due on or before a day and not recorded yet, by due day;
   * only those the actor may read (a coach sees their caseload).
   *
   * @param actor who calls, checked against the access rules
   * @param cohort the cohort
   * @param on the day it is evaluated on
   * @return the exits
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED} without {@code COHORT_READ} on
   *     the cohort
   */
  List<Exit> followUpsDue(Actor actor, CohortId cohort, LocalDate on);
}
