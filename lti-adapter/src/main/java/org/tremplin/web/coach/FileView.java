package org.tremplin.web.coach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.alert.AlertStatus;
import org.tremplin.api.coaching.Action;
import org.tremplin.api.coaching.ActionPlan;
import org.tremplin.api.coaching.ActionStatus;
import org.tremplin.api.coaching.Barrier;
import org.tremplin.api.coaching.BarrierStatus;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.ConfidentialNote;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.coaching.Objective;
import org.tremplin.api.coaching.Referral;
import org.tremplin.api.coaching.WorkplaceImmersion;
import org.tremplin.api.contract.ContractFinding;
import org.tremplin.api.eligibility.AdministrativeCriterion;
import org.tremplin.api.eligibility.ProofIssue;
import org.tremplin.api.eligibility.SupportingDocument;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.RecordedDiagnosis;
import org.tremplin.core.Tremplin;
import org.tremplin.web.coach.LearnerFileResource.Who;

/**
 * A learner's file as its page shows it, read once through the core services with the reader's
 * actor: every text already in the reader's language, a confidential note only when core showed it
 * (otherwise its existence, in summary, or nothing). Immutable once built.
 */
final class FileView {
  final List<AlertItem> alerts;
  final List<MeetingItem> past;
  final List<MeetingItem> upcoming;
  final List<Choice> recordable;
  final Eligibility eligibility;
  final List<Fact> contract;
  final List<String> contractWarnings;
  final List<Fact> pass;
  final List<String> passWarnings;
  final List<BarrierItem> barriers;
  final List<ObjectiveItem> objectives;
  final List<String> referrals;
  final List<String> immersions;
  final List<Fact> exit;

  FileView(Tremplin tremplin, Clock clock, Who w) {
    CoachText t = w.t();
    var actor = w.actor();
    CohortId cohort = w.member().cohort().id();
    LearnerId learner = w.member().learner().id();
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDate today = now.toLocalDate();

    List<AlertItem> alertItems = new ArrayList<>();
    for (Alert a : tremplin.alerts().open(actor, cohort, learner)) {
      alertItems.add(
          new AlertItem(
              a.id().toString(),
              CoachText.kindCode(a.signal()),
              capitalized(t.kind(a.signal())),
              t.evidence(a.signal()),
              t.get("coach.alert.raised", t.day(a.raisedOn())),
              a.status().name(),
              t.get("coach.alert.status." + a.status().name()),
              a.status() == AlertStatus.RAISED));
    }
    this.alerts = List.copyOf(alertItems);

    List<MeetingItem> pastItems = new ArrayList<>();
    List<MeetingItem> upcomingItems = new ArrayList<>();
    List<Choice> choices = new ArrayList<>();
    for (CoachingMeeting m : tremplin.coaching().meetings(actor, cohort, learner)) {
      String status;
      if (m.status() instanceof MeetingStatus.Held) {
        status = "HELD";
      } else if (m.status() instanceof MeetingStatus.Missed missed) {
        status = "MISSED_" + missed.by().name();
      } else {
        status = "PLANNED";
      }
      String confidential = "";
      boolean withheld = false;
      if (m.confidentialNote() instanceof ConfidentialNote.Shown shown) {
        confidential = shown.text();
      } else if (m.confidentialNote() instanceof ConfidentialNote.Withheld) {
        withheld = true;
      }
      MeetingItem item =
          new MeetingItem(
              m.id().value().toString(),
              t.dateTime(m.plannedAt()),
              status,
              t.get("coach.meeting.status." + status),
              m.note(),
              confidential,
              withheld);
      if (status.equals("PLANNED") && m.plannedAt().isAfter(now)) {
        upcomingItems.add(item);
      } else {
        pastItems.add(item);
        if (status.equals("PLANNED")) {
          choices.add(
              new Choice(
                  m.id().value().toString(),
                  t.get("coach.meeting.planned.choice", t.dateTime(m.plannedAt()))));
        }
      }
    }
    java.util.Collections.reverse(pastItems);
    this.past = List.copyOf(pastItems);
    this.upcoming = List.copyOf(upcomingItems);
    choices.add(new Choice("now", t.get("coach.meeting.now")));
    this.recordable = List.copyOf(choices);

    this.eligibility = eligibility(tremplin, t, w, cohort, learner, today);

    Optional<AssessedContract> c = tremplin.insertion().contract(actor, cohort, learner, today);
    List<Fact> contractFacts = new ArrayList<>();
    List<String> contractWarn = new ArrayList<>();
    c.ifPresent(
        ac -> {
          var k = ac.contract();
          contractFacts.add(new Fact(t.get("coach.contract.structure"), k.structure().name()));
          contractFacts.add(new Fact(t.get("coach.contract.start"), t.day(k.start())));
          contractFacts.add(
              new Fact(
                  t.get("coach.contract.end"),
                  t.get(
                      "coach.end.left",
                      t.day(ac.assessment().end()),
                      ChronoUnit.DAYS.between(today, ac.assessment().end()))));
          contractFacts.add(
              new Fact(t.get("coach.contract.hours"), String.valueOf(k.weeklyHours())));
          contractFacts.add(new Fact(t.get("coach.contract.cap"), t.day(ac.assessment().capEnd())));
          ac.assessment().findings().forEach(f -> contractWarn.add(finding(t, f)));
        });
    this.contract = List.copyOf(contractFacts);
    this.contractWarnings = List.copyOf(contractWarn);

    Optional<AssessedPass> p = tremplin.insertion().pass(actor, cohort, learner, today);
    List<Fact> passFacts = new ArrayList<>();
    List<String> passWarn = new ArrayList<>();
    p.ifPresent(
        ap -> {
          passFacts.add(new Fact(t.get("coach.pass.number"), ap.pass().number()));
          passFacts.add(new Fact(t.get("coach.pass.start"), t.day(ap.pass().start())));
          passFacts.add(
              new Fact(
                  t.get("coach.pass.end"),
                  t.get(
                      "coach.end.left",
                      t.day(ap.status().end()),
                      ChronoUnit.DAYS.between(today, ap.status().end()))));
          passFacts.add(
              new Fact(
                  t.get("coach.pass.running"),
                  t.get(ap.status().running() ? "coach.yes" : "coach.no")));
          ap.status().findings().forEach(f -> passWarn.add(finding(t, f)));
          long left = ChronoUnit.DAYS.between(today, ap.status().end());
          if (left >= 0 && left <= CaseloadResource.ENDING_DAYS) {
            passWarn.add(t.get("coach.caseload.ending.PASS_IAE", t.day(ap.status().end()), left));
          }
        });
    this.pass = List.copyOf(passFacts);
    this.passWarnings = List.copyOf(passWarn.stream().distinct().toList());

    List<Barrier> barrierList = tremplin.coaching().barriers(actor, cohort, learner);
    List<BarrierItem> barrierItems = new ArrayList<>();
    for (Barrier b : barrierList) {
      List<Choice> next = new ArrayList<>();
      if (!b.status().closes()) {
        for (BarrierStatus s : BarrierStatus.values()) {
          if (s != b.status() && s != BarrierStatus.OPEN) {
            next.add(new Choice(s.name(), t.get("coach.barrier.status." + s.name())));
          }
        }
      }
      barrierItems.add(
          new BarrierItem(
              b.id().value().toString(),
              t.get("coach.barrier.category." + b.category().name()),
              t.get("coach.barrier.severity." + b.severity().name()),
              t.day(b.openedOn()),
              b.description(),
              b.status().name(),
              t.get("coach.barrier.status." + b.status().name()),
              b.result().orElse(""),
              next));
    }
    this.barriers = List.copyOf(barrierItems);

    ActionPlan plan = tremplin.coaching().actionPlan(actor, cohort, learner);
    Map<String, String> barrierNames =
        barrierList.stream()
            .collect(
                Collectors.toMap(
                    b -> b.id().value().toString(),
                    b -> t.get("coach.barrier.category." + b.category().name()),
                    (a, b) -> a));
    List<ObjectiveItem> objectiveItems = new ArrayList<>();
    for (Objective o : plan.objectives()) {
      String focus =
          o.focus() instanceof org.tremplin.api.coaching.ObjectiveFocus.OnBarrier on
              ? t.get(
                  "coach.objective.barrier",
                  barrierNames.getOrDefault(on.barrier().value().toString(), ""))
              : t.get("coach.objective.career");
      List<ActionItem> actions = new ArrayList<>();
      for (Action a : o.actions()) {
        actions.add(
            new ActionItem(
                a.id().value().toString(),
                a.description(),
                t.get("coach.action.owner." + a.owner().name()),
                t.day(a.dueOn()),
                a.status().name(),
                t.get("coach.action.status." + a.status().name()),
                a.status() == ActionStatus.TODO,
                a.status() == ActionStatus.TODO && a.dueOn().isBefore(today)));
      }
      objectiveItems.add(
          new ObjectiveItem(
              o.id().value().toString(), o.title(), focus, t.day(o.setOn()), actions));
    }
    this.objectives = List.copyOf(objectiveItems);
    List<String> referralTexts = new ArrayList<>();
    for (Referral r : plan.referrals()) {
      referralTexts.add(
          t.get(
              "coach.referral",
              t.get("coach.partner." + r.partner().name()),
              t.day(r.on()),
              r.purpose()));
    }
    this.referrals = List.copyOf(referralTexts);

    List<String> immersionTexts = new ArrayList<>();
    for (WorkplaceImmersion i : tremplin.coaching().immersions(actor, cohort, learner)) {
      immersionTexts.add(
          t.get(
              "coach.immersion",
              i.hostOrganisation(),
              t.day(i.firstDay()),
              t.day(i.lastDay()),
              t.get("coach.immersion.objective." + i.objective().name()),
              i.tutor()));
    }
    this.immersions = List.copyOf(immersionTexts);

    Optional<Exit> e = tremplin.insertion().exit(actor, cohort, learner);
    List<Fact> exitFacts = new ArrayList<>();
    e.ifPresent(
        x -> {
          exitFacts.add(new Fact(t.get("coach.exit.on"), t.day(x.leftOn())));
          exitFacts.add(
              new Fact(
                  t.get("coach.exit.situation"),
                  t.get("coach.exit.situation." + x.classification().situation().name())));
          exitFacts.add(
              new Fact(
                  t.get("coach.exit.category"),
                  t.get("coach.exit.category." + x.classification().category().name())));
          exitFacts.add(new Fact(t.get("coach.exit.followup"), t.day(x.followUpDue())));
        });
    this.exit = List.copyOf(exitFacts);
  }

  private static Eligibility eligibility(
      Tremplin tremplin, CoachText t, Who w, CohortId cohort, LearnerId learner, LocalDate today) {
    List<RecordedDiagnosis> diagnoses = tremplin.insertion().diagnoses(w.actor(), cohort, learner);
    if (diagnoses.isEmpty()) {
      return new Eligibility(false, List.of(), List.of(), "");
    }
    RecordedDiagnosis d = diagnoses.get(diagnoses.size() - 1);
    boolean valid =
        tremplin
            .insertion()
            .currentDiagnosis(w.actor(), cohort, learner, today)
            .map(c -> c.id().equals(d.id()))
            .orElse(false);
    var result = d.result();
    Map<String, AdministrativeCriterion> criteria =
        tremplin.eligibility().versions().stream()
            .filter(v -> v.version().equals(result.criteriaVersion()))
            .findFirst()
            .orElseGet(() -> tremplin.eligibility().versionOn(d.diagnosis().date()))
            .criteria()
            .stream()
            .collect(Collectors.toMap(AdministrativeCriterion::code, Function.identity()));
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(t.get("coach.eligibility.date"), t.day(d.diagnosis().date())));
    facts.add(new Fact(t.get("coach.eligibility.structure"), result.structure().name()));
    facts.add(
        new Fact(
            t.get("coach.eligibility.result"),
            t.get(
                result.provenEligible()
                    ? "coach.eligibility.proven"
                    : result.eligible() ? "coach.eligibility.unproven" : "coach.eligibility.not")));
    facts.add(
        new Fact(
            t.get("coach.eligibility.expires"),
            t.get(
                valid ? "coach.eligibility.valid" : "coach.eligibility.expired",
                t.day(result.expiresOn()))));
    Map<String, ProofIssue> issues =
        result.proofIssues().stream()
            .collect(Collectors.toMap(ProofIssue::criterion, Function.identity(), (a, b) -> a));
    Map<String, SupportingDocument> proofs =
        d.diagnosis().proofs().stream()
            .collect(
                Collectors.toMap(SupportingDocument::criterion, Function.identity(), (a, b) -> b));
    List<ProofItem> items = new ArrayList<>();
    for (String code : d.diagnosis().criteria()) {
      AdministrativeCriterion c = criteria.get(code);
      String name = c == null ? code : c.name().in(t.locale());
      String level = c == null ? "" : t.get("coach.eligibility.level." + c.level().name());
      SupportingDocument proof = proofs.get(code);
      ProofIssue issue = issues.get(code);
      String proofText;
      String state;
      if (proof == null || issue instanceof ProofIssue.Missing) {
        proofText = t.get("coach.proof.missing", c == null ? "" : c.proof().in(t.locale()));
        state = "MISSING";
      } else {
        Optional<LocalDate> until =
            c == null ? Optional.empty() : c.proofValidity().validUntil(proof.issuedOn());
        String validity =
            until
                .map(u -> t.get("coach.proof.until", t.day(u)))
                .orElseGet(() -> t.get("coach.proof.athire"));
        proofText =
            t.get(
                "coach.proof",
                c == null ? "" : c.proof().in(t.locale()),
                t.day(proof.issuedOn()),
                validity);
        state = issue instanceof ProofIssue.OutOfDate ? "OUT_OF_DATE" : "VALID";
      }
      items.add(
          new ProofItem(code, name, level, proofText, state, t.get("coach.proof.state." + state)));
    }
    return new Eligibility(true, facts, items, "");
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String finding(CoachText t, ContractFinding f) {
    if (f instanceof ContractFinding.EndingSoon s) {
      return t.get("coach.finding.EndingSoon", t.day(s.end()), s.daysLeft());
    } else if (f instanceof ContractFinding.CapApproaching s) {
      return t.get("coach.finding.CapApproaching", t.day(s.capEnd()), s.daysLeft());
    } else if (f instanceof ContractFinding.PeriodTooShort s) {
      return t.get(
          "coach.finding.PeriodTooShort", t.day(s.from()), t.day(s.to()), s.minimumMonths());
    } else if (f instanceof ContractFinding.TotalTooLong s) {
      return t.get("coach.finding.TotalTooLong", t.day(s.end()), t.day(s.capEnd()), s.capMonths());
    } else if (f instanceof ContractFinding.WeeklyHoursOutOfRange s) {
      return t.get("coach.finding.WeeklyHoursOutOfRange", s.hours(), s.min(), s.max());
    }
    ContractFinding.RenewalDoesNotExtend s = (ContractFinding.RenewalDoesNotExtend) f;
    return t.get("coach.finding.RenewalDoesNotExtend", t.day(s.newEnd()), t.day(s.previousEnd()));
  }

  /** An open alert: its kind, its evidence, when raised, its status, what may be done. */
  record AlertItem(
      String id,
      String code,
      String kind,
      String evidence,
      String raised,
      String status,
      String statusLabel,
      boolean acknowledgeable) {}

  /** A meeting: when, its status, its note, its confidential note (shown, withheld or none). */
  record MeetingItem(
      String id,
      String when,
      String status,
      String statusLabel,
      String note,
      String confidential,
      boolean withheld) {}

  /** A value to choose. */
  record Choice(String value, String label) {}

  /** A labelled fact of a summary list. */
  record Fact(String label, String value) {}

  /** The newest diagnosis: whether there is one, its facts, its criteria with their proofs. */
  record Eligibility(boolean present, List<Fact> facts, List<ProofItem> proofs, String note) {}

  /** A criterion of the diagnosis with its proof and the proof's validity. */
  record ProofItem(
      String code, String name, String level, String proof, String state, String stateLabel) {}

  /** A barrier and the statuses it may move to. */
  record BarrierItem(
      String id,
      String category,
      String severity,
      String opened,
      String description,
      String status,
      String statusLabel,
      String result,
      List<Choice> next) {}

  /** An objective of the action plan with its actions. */
  record ObjectiveItem(
      String id, String title, String focus, String setOn, List<ActionItem> actions) {}

  /** An action with its owner, due day and status. */
  record ActionItem(
      String id,
      String description,
      String owner,
      String due,
      String status,
      String statusLabel,
      boolean open,
      boolean late) {}
}
