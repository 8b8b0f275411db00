package org.tremplin.web.api.path;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionOwner;
import org.tremplin.api.coaching.ActionPlan;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierCategory;
import org.tremplin.api.coaching.BarrierSeverity;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.ImmersionObjective;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.ObjectiveFocus;
import org.tremplin.api.coaching.Partner;
import org.tremplin.api.coaching.Referral;
import org.tremplin.api.coaching.WorkplaceImmersion;
import org.tremplin.api.contract.ContractFinding;
import org.tremplin.api.eligibility.ProofIssue;
import org.tremplin.api.eligibility.SupportingDocument;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.RecordedDiagnosis;

/** The representations of a learner's insertion path. Immutable records. */
public final class PathViews {
  private PathViews() {}

  /**
   * A learner's eligibility, contract and PASS IAE, assessed on a day.
   *
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param on the day the contract and the PASS are assessed on
   * @param eligibility the newest diagnosis, absent when none was recorded
   * @param contract the insertion contract, absent when none was recorded
   * @param pass the PASS IAE, absent when none was recorded
   */
  @Schema(name = "InsertionPath", description = "A learner's eligibility, contract and PASS IAE.")
  public record InsertionView(
      @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String cohort,
      @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
      @Schema(example = "2026-03-02") LocalDate on,
      @Nullable EligibilityView eligibility,
      @Nullable ContractView contract,
      @Nullable PassView pass) {}

  /**
   * The newest eligibility diagnosis and whether it is still valid.
   *
   * @param id the diagnosis's id
   * @param date the day of the diagnosis
   * @param structure the structure kind it was made for
   * @param criteriaVersion the version of the criteria it was assessed against
   * @param eligible whether the criteria met make the learner eligible
   * @param provenEligible whether they do with every counted criterion proven
   * @param expiresOn the last day of its validity
   * @param valid whether it is the current diagnosis on the day asked
   * @param criteria the criteria recorded, each with its proof's state
   */
  @Schema(name = "Eligibility")
  public record EligibilityView(
      @Schema(example = "4c3b2a1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d", format = "uuid") String id,
      @Schema(example = "2025-08-25") LocalDate date,
      @Schema(example = "ACI") String structure,
      @Schema(type = "string", example = "\"2025\"") String criteriaVersion,
      @Schema(example = "true") boolean eligible,
      @Schema(example = "false") boolean provenEligible,
      @Schema(example = "2027-08-24") LocalDate expiresOn,
      @Schema(example = "true") boolean valid,
      List<CriterionView> criteria) {}

  /**
   * A criterion of a diagnosis and its proof.
   *
   * @param code the criterion's code
   * @param proofIssuedOn the day its proof was issued, absent when no proof was given
   * @param proof {@code VALID}, {@code MISSING} or {@code OUT_OF_DATE}
   * @param proofValidUntil for an out-of-date proof, the last day it was valid
   */
  @Schema(name = "Criterion")
  public record CriterionView(
      @Schema(example = "BRSA") String code,
      @Schema(example = "2025-08-01") @Nullable LocalDate proofIssuedOn,
      @Schema(
              example = "VALID",
              allowableValues = {"VALID", "MISSING", "OUT_OF_DATE"})
          String proof,
      @Schema(example = "2025-11-01") @Nullable LocalDate proofValidUntil) {}

  /**
   * A finding of a contract's or a PASS's assessment.
   *
   * @param kind what it is ({@code EndingSoon}, {@code CapApproaching}, {@code TotalTooLong}, ...)
   * @param violation whether it breaks a rule (otherwise a warning)
   * @param until the day it is about (the end, the cap), when it has one
   */
  @Schema(name = "Finding")
  public record FindingView(
      @Schema(example = "EndingSoon") String kind,
      @Schema(example = "false") boolean violation,
      @Schema(example = "2026-04-30") @Nullable LocalDate until) {}

  /**
   * An insertion contract (CDDI) and its assessment.
   *
   * @param structure the structure kind
   * @param start its first day
   * @param end its current end (after renewals)
   * @param weeklyHours its weekly hours
   * @param renewals how many times it was renewed
   * @param capEnd the last day the contract may run to under the cap
   * @param capMonths the cap, in months
   * @param valid whether no finding breaks a rule
   * @param findings the warnings and violations
   */
  @Schema(name = "Contract")
  public record ContractView(
      @Schema(example = "ACI") String structure,
      @Schema(example = "2025-09-01") LocalDate start,
      @Schema(example = "2026-04-30") LocalDate end,
      @Schema(example = "26") int weeklyHours,
      @Schema(example = "1") int renewals,
      @Schema(example = "2027-08-31") LocalDate capEnd,
      @Schema(example = "24") int capMonths,
      @Schema(example = "true") boolean valid,
      List<FindingView> findings) {}

  /**
   * A PASS IAE and its status.
   *
   * @param number its number
   * @param start its first day
   * @param end its end (after suspensions and prolongations)
   * @param running whether it runs on the day asked
   * @param renewableFrom from when a new PASS may be asked for
   * @param findings the warnings
   */
  @Schema(name = "Pass")
  public record PassView(
      @Schema(type = "string", example = "\"999992500123\"") String number,
      @Schema(example = "2025-09-01") LocalDate start,
      @Schema(example = "2027-08-31") LocalDate end,
      @Schema(example = "true") boolean running,
      @Schema(example = "2027-09-01") LocalDate renewableFrom,
      List<FindingView> findings) {}

  /**
   * A barrier and its history.
   *
   * @param id its id
   * @param category what it is about
   * @param severity how much it weighs
   * @param openedOn the day it was opened
   * @param description what it is
   * @param status its current status
   * @param result the result, once closed
   * @param history its status changes, oldest first
   */
  @Schema(name = "Barrier")
  public record BarrierView(
      @Schema(example = "7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b", format = "uuid") String id,
      BarrierCategory category,
      BarrierSeverity severity,
      @Schema(example = "2025-09-15") LocalDate openedOn,
      @Schema(example = "Pas de moyen de transport le matin") String description,
      BarrierStatus status,
      @Schema(example = "Carte de bus obtenue") @Nullable String result,
      List<StatusChangeView> history) {}

  /**
   * A status change of a barrier.
   *
   * @param status the status it moved to
   * @param on the day
   * @param note its note (the result, for a closing)
   * @param recordedBy the actor id who recorded it
   * @param recordedAt when
   */
  @Schema(name = "BarrierStatusChange")
  public record StatusChangeView(
      BarrierStatus status,
      @Schema(example = "2025-09-15") LocalDate on,
      @Schema(example = "") String note,
      @Schema(example = "coach-42") String recordedBy,
      @Schema(example = "2025-09-15T09:12:00Z") Instant recordedAt) {}

  /**
   * A learner's barriers.
   *
   * @param items the barriers, by opening day
   */
  @Schema(name = "BarrierList")
  public record BarrierList(List<BarrierView> items) {}

  /**
   * An action of the plan.
   *
   * @param id its id
   * @param objective its objective's id
   * @param description what is to be done
   * @param owner who does it
   * @param dueOn when it is due
   * @param status to do, done or cancelled
   */
  @Schema(name = "Action")
  public record ActionView(
      @Schema(example = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", format = "uuid") String id,
      @Schema(example = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", format = "uuid") String objective,
      @Schema(example = "Appeler la mission locale") String description,
      ActionOwner owner,
      @Schema(example = "2025-10-01") LocalDate dueOn,
      ActionStatus status) {}

  /**
   * An objective with its actions.
   *
   * @param id its id
   * @param title its title
   * @param barrier the barrier it works on, absent for the career project
   * @param setOn the day it was set
   * @param actions its actions
   */
  @Schema(name = "Objective")
  public record ObjectiveView(
      @Schema(example = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", format = "uuid") String id,
      @Schema(example = "Trouver un stage") String title,
      @Schema(example = "7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b", format = "uuid")
          @Nullable String barrier,
      @Schema(example = "2025-09-15") LocalDate setOn,
      List<ActionView> actions) {}

  /**
   * A referral to a partner.
   *
   * @param id its id
   * @param partner to whom
   * @param on the day
   * @param purpose what for
   * @param recordedBy the actor id who recorded it
   */
  @Schema(name = "Referral")
  public record ReferralView(
      @Schema(example = "6f5e4d3c-2b1a-4f0e-9d8c-7b6a5f4e3d2c", format = "uuid") String id,
      Partner partner,
      @Schema(example = "2025-09-20") LocalDate on,
      @Schema(example = "Accompagnement logement") String purpose,
      @Schema(example = "coach-42") String recordedBy) {}

  /**
   * A learner's action plan.
   *
   * @param objectives the objectives with their actions
   * @param referrals the referrals to partners
   */
  @Schema(name = "ActionPlan")
  public record ActionPlanView(List<ObjectiveView> objectives, List<ReferralView> referrals) {}

  /**
   * A company immersion (PMSMP).
   *
   * @param id its id
   * @param objective what it is for
   * @param hostOrganisation where
   * @param tutor who tutors the learner there
   * @param firstDay its first day
   * @param lastDay its last day
   * @param recordedBy the actor id who planned it
   */
  @Schema(name = "Immersion")
  public record ImmersionView(
      @Schema(example = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a", format = "uuid") String id,
      ImmersionObjective objective,
      @Schema(example = "Boulangerie Martin") String hostOrganisation,
      @Schema(example = "Paul Martin") String tutor,
      @Schema(example = "2026-02-02") LocalDate firstDay,
      @Schema(example = "2026-02-13") LocalDate lastDay,
      @Schema(example = "coach-42") String recordedBy) {}

  /**
   * A learner's company immersions.
   *
   * @param items the immersions, by first day
   */
  @Schema(name = "ImmersionList")
  public record ImmersionList(List<ImmersionView> items) {}

  /**
   * A learner's exit, or that none is recorded.
   *
   * @param cohort the cohort's id
   * @param learner the learner's id
   * @param recorded whether an exit is recorded (the other members are absent when not)
   * @param version 1, then one more per correction
   * @param leftOn the day they left
   * @param situation their situation on leaving
   * @param contractMonths the contract's length for a CDD or an interim, otherwise 0
   * @param category the category funders count it in
   * @param dynamic whether it is a dynamic exit
   * @param rulesVersion the version of the rules that classified it
   * @param correctionReason why it was last corrected; empty for the first record
   * @param followUpDue when the follow-up is due
   * @param recordedBy the actor id who recorded it
   * @param recordedAt when
   */
  @Schema(name = "Exit")
  public record ExitView(
      @Schema(example = "9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d", format = "uuid") String cohort,
      @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String learner,
      @Schema(example = "true") boolean recorded,
      @Schema(example = "1") @Nullable Integer version,
      @Schema(example = "2026-06-30") @Nullable LocalDate leftOn,
      @Nullable ExitSituation situation,
      @Schema(example = "0") @Nullable Integer contractMonths,
      @Nullable ExitCategory category,
      @Schema(example = "true") @Nullable Boolean dynamic,
      @Schema(type = "string", example = "\"2024\"") @Nullable String rulesVersion,
      @Schema(example = "") @Nullable String correctionReason,
      @Schema(example = "2026-12-30") @Nullable LocalDate followUpDue,
      @Schema(example = "coach-42") @Nullable String recordedBy,
      @Schema(example = "2026-06-30T16:00:00Z") @Nullable Instant recordedAt) {}

  static EligibilityView eligibility(RecordedDiagnosis d, boolean valid) {
    var result = d.result();
    List<CriterionView> criteria =
        d.diagnosis().criteria().stream()
            .map(
                code -> {
                  Optional<SupportingDocument> proof =
                      d.diagnosis().proofs().stream()
                          .filter(p -> p.criterion().equals(code))
                          .reduce((a, b) -> b);
                  Optional<ProofIssue> issue =
                      result.proofIssues().stream()
                          .filter(p -> p.criterion().equals(code))
                          .findFirst();
                  String state;
                  LocalDate until = null;
                  if (proof.isEmpty() || issue.orElse(null) instanceof ProofIssue.Missing) {
                    state = "MISSING";
                  } else if (issue.orElse(null) instanceof ProofIssue.OutOfDate out) {
                    state = "OUT_OF_DATE";
                    until = out.validUntil();
                  } else {
                    state = "VALID";
                  }
                  return new CriterionView(
                      code, proof.map(SupportingDocument::issuedOn).orElse(null), state, until);
                })
            .toList();
    return new EligibilityView(
        d.id().value().toString(),
        d.diagnosis().date(),
        result.structure().name(),
        result.criteriaVersion(),
        result.eligible(),
        result.provenEligible(),
        result.expiresOn(),
        valid,
        criteria);
  }

  static FindingView finding(ContractFinding f) {
    LocalDate until = null;
    if (f instanceof ContractFinding.EndingSoon s) {
      until = s.end();
    } else if (f instanceof ContractFinding.CapApproaching s) {
      until = s.capEnd();
    } else if (f instanceof ContractFinding.TotalTooLong s) {
      until = s.capEnd();
    } else if (f instanceof ContractFinding.PeriodTooShort s) {
      until = s.to();
    } else if (f instanceof ContractFinding.RenewalDoesNotExtend s) {
      until = s.newEnd();
    }
    return new FindingView(f.getClass().getSimpleName(), f.violation(), until);
  }

  static ContractView contract(AssessedContract c) {
    var k = c.contract();
    var a = c.assessment();
    return new ContractView(
        k.structure().name(),
        k.start(),
        a.end(),
        k.weeklyHours(),
        k.renewals().size(),
        a.capEnd(),
        a.capMonths(),
        a.valid(),
        a.findings().stream().map(PathViews::finding).toList());
  }

  static PassView pass(AssessedPass p) {
    return new PassView(
        p.pass().number(),
        p.pass().start(),
        p.status().end(),
        p.status().running(),
        p.status().renewableFrom(),
        p.status().findings().stream().map(PathViews::finding).toList());
  }

  static BarrierView barrier(Barrier b) {
    return new BarrierView(
        b.id().value().toString(),
        b.category(),
        b.severity(),
        b.openedOn(),
        b.description(),
        b.status(),
        b.result().orElse(null),
        b.history().stream()
            .map(
                h ->
                    new StatusChangeView(
                        h.status(), h.on(), h.note(), h.recordedBy(), h.recordedAt()))
            .toList());
  }

  static ActionView action(Action a) {
    return new ActionView(
        a.id().value().toString(),
        a.objective().value().toString(),
        a.description(),
        a.owner(),
        a.dueOn(),
        a.status());
  }

  static ObjectiveView objective(Objective o) {
    return new ObjectiveView(
        o.id().value().toString(),
        o.title(),
        o.focus() instanceof ObjectiveFocus.OnBarrier on ? on.barrier().value().toString() : null,
        o.setOn(),
        o.actions().stream().map(PathViews::action).toList());
  }

  static ReferralView referral(Referral r) {
    return new ReferralView(
        r.id().value().toString(), r.partner(), r.on(), r.purpose(), r.recordedBy());
  }

  static ActionPlanView plan(ActionPlan plan) {
    return new ActionPlanView(
        plan.objectives().stream().map(PathViews::objective).toList(),
        plan.referrals().stream().map(PathViews::referral).toList());
  }

  static ImmersionView immersion(WorkplaceImmersion i) {
    return new ImmersionView(
        i.id().value().toString(),
        i.objective(),
        i.hostOrganisation(),
        i.tutor(),
        i.firstDay(),
        i.lastDay(),
        i.recordedBy());
  }

  static ExitView exit(String cohort, String learner, Optional<Exit> exit) {
    if (exit.isEmpty()) {
      return new ExitView(
          cohort, learner, false, null, null, null, null, null, null, null, null, null, null, null);
    }
    Exit x = exit.get();
    return new ExitView(
        cohort,
        learner,
        true,
        x.version(),
        x.leftOn(),
        x.classification().situation(),
        x.contractMonths(),
        x.classification().category(),
        x.classification().dynamic(),
        x.classification().rulesVersion(),
        x.correctionReason(),
        x.followUpDue(),
        x.recordedBy(),
        x.recordedAt());
  }
}
