package org.tremplin.core.insertion;

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
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.api.insertion.EligibilityProfile;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.FollowUp;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.insertion.NewDiagnosis;
import org.tremplin.api.insertion.NewExit;
import org.tremplin.api.insertion.NewFollowUp;
import org.tremplin.api.insertion.RecordedDiagnosis;

/**
 * {@link InsertionPathService} as one face over its four parts: eligibility (profile and
 * diagnoses), the insertion contract, the PASS IAE, and the exit with its follow-up. Each part
 * checks the actor, audits and writes through the same {@link org.tremplin.core.path.PathAccess};
 * this class only delegates. Thread-safe.
 */
public final class InsertionPathLedger implements InsertionPathService {
  private final EligibilityLedger eligibility;
  private final ContractLedger contracts;
  private final PassLedger passes;
  private final ExitLedger exits;

  /**
   * The insertion path made of its parts.
   *
   * @param eligibility the eligibility
   * @param contracts the contracts
   * @param passes the passes
   * @param exits the exits
   */
  public InsertionPathLedger(
      EligibilityLedger eligibility,
      ContractLedger contracts,
      PassLedger passes,
      ExitLedger exits) {
    this.eligibility = eligibility;
    this.contracts = contracts;
    this.passes = passes;
    this.exits = exits;
  }

  @Override
  public EligibilityProfile recordProfile(
      Actor actor, CohortId cohort, LearnerId learner, EligibilityProfile profile) {
    return eligibility.recordProfile(actor, cohort, learner, profile);
  }

  @Override
  public Optional<EligibilityProfile> profile(Actor actor, CohortId cohort, LearnerId learner) {
    return eligibility.profile(actor, cohort, learner);
  }

  @Override
  public List<CriterionSuggestion> suggest(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    return eligibility.suggest(actor, cohort, learner, on);
  }

  @Override
  public RecordedDiagnosis recordDiagnosis(
      Actor actor, CohortId cohort, LearnerId learner, NewDiagnosis diagnosis) {
    return eligibility.recordDiagnosis(actor, cohort, learner, diagnosis);
  }

  @Override
  public List<RecordedDiagnosis> diagnoses(Actor actor, CohortId cohort, LearnerId learner) {
    return eligibility.diagnoses(actor, cohort, learner);
  }

  @Override
  public Optional<RecordedDiagnosis> currentDiagnosis(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    return eligibility.currentDiagnosis(actor, cohort, learner, on);
  }

  @Override
  public AssessedContract recordContract(
      Actor actor, CohortId cohort, LearnerId learner, InsertionContract contract) {
    return contracts.recordContract(actor, cohort, learner, contract);
  }

  @Override
  public AssessedContract renewContract(
      Actor actor, CohortId cohort, LearnerId learner, ContractAmendment renewal) {
    return contracts.renewContract(actor, cohort, learner, renewal);
  }

  @Override
  public AssessedContract suspendContract(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension) {
    return contracts.suspendContract(actor, cohort, learner, suspension);
  }

  @Override
  public Optional<AssessedContract> contract(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    return contracts.contract(actor, cohort, learner, on);
  }

  @Override
  public AssessedPass recordPass(Actor actor, CohortId cohort, LearnerId learner, PassIae pass) {
    return passes.recordPass(actor, cohort, learner, pass);
  }

  @Override
  public AssessedPass suspendPass(
      Actor actor, CohortId cohort, LearnerId learner, Suspension suspension) {
    return passes.suspendPass(actor, cohort, learner, suspension);
  }

  @Override
  public AssessedPass prolongPass(
      Actor actor, CohortId cohort, LearnerId learner, PassProlongation prolongation) {
    return passes.prolongPass(actor, cohort, learner, prolongation);
  }

  @Override
  public Optional<AssessedPass> pass(
      Actor actor, CohortId cohort, LearnerId learner, LocalDate on) {
    return passes.pass(actor, cohort, learner, on);
  }

  @Override
  public Exit recordExit(Actor actor, CohortId cohort, LearnerId learner, NewExit exit) {
    return exits.recordExit(actor, cohort, learner, exit);
  }

  @Override
  public Exit correctExit(
      Actor actor, CohortId cohort, LearnerId learner, NewExit exit, String reason) {
    return exits.correctExit(actor, cohort, learner, exit, reason);
  }

  @Override
  public Optional<Exit> exit(Actor actor, CohortId cohort, LearnerId learner) {
    return exits.exit(actor, cohort, learner);
  }

  @Override
  public List<Exit> exitHistory(Actor actor, CohortId cohort, LearnerId learner) {
    return exits.exitHistory(actor, cohort, learner);
  }

  @Override
  public FollowUp recordFollowUp(
      Actor actor, CohortId cohort, LearnerId learner, NewFollowUp followUp) {
    return exits.recordFollowUp(actor, cohort, learner, followUp);
  }

  @Override
  public Optional<FollowUp> followUp(Actor actor, CohortId cohort, LearnerId learner) {
    return exits.followUp(actor, cohort, learner);
  }

  @Override
  public List<Exit> followUpsDue(Actor actor, CohortId cohort, LocalDate on) {
    return exits.followUpsDue(actor, cohort, on);
  }
}
