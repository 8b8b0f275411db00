package org.tremplin.core.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.MeetingStatus;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.contract.ContractRules;
import org.tremplin.api.contract.InsertionContract;
import org.tremplin.api.contract.PassIae;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.alert.Alerts;
import org.tremplin.core.coaching.Meetings;
import org.tremplin.core.coaching.ReferentRegistry;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.insertion.Contracts;
import org.tremplin.core.insertion.Passes;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.privacy.PrivacyOffice;

/**
 * Finds the files a coach keeps: the learners whose referent they are ({@link #caseload}), and one
 * learner's file for whoever may keep it ({@link #member}): their referent coach or a manager of
 * their school, i.e. whoever has {@code INSERTION_WRITE} on the learner of the cohort of their
 * latest enrolment. Learners who never joined a cohort have no file here. Reads only; thread-safe.
 */
public final class CaseloadDesk {
  private final Database database;
  private final CohortRegistry cohorts;
  private final LearnerRegistry learners;
  private final ReferentRegistry referents;
  private final AccessRules access;
  private final Stores stores;

  /**
   * The stores {@link #overview} reads in bulk, and how a contract or PASS is assessed.
   *
   * @param alerts the alerts
   * @param meetings the coaching meetings
   * @param contracts the insertion contracts
   * @param passes the PASS IAE
   * @param rules the contract rules that assess them on a day
   * @param privacy the privacy office that audits the reads
   */
  public record Stores(
      Alerts alerts,
      Meetings meetings,
      Contracts contracts,
      Passes passes,
      ContractRules rules,
      PrivacyOffice privacy) {}

  /**
   * Over these registries.
   *
   * @param database the database (unit of work)
   * @param cohorts the cohorts
   * @param learners the learners
   * @param referents the referents
   * @param access the access rules every call is checked against
   * @param stores the stores the caseload's overview reads
   */
  public CaseloadDesk(
      Database database,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      ReferentRegistry referents,
      AccessRules access,
      Stores stores) {
    this.database = database;
    this.cohorts = cohorts;
    this.learners = learners;
    this.referents = referents;
    this.access = access;
    this.stores = stores;
  }

  /**
   * The actor's caseload ({@link #caseload}) with what its lines show, read in bulk on one handle:
   * one query per kind of record (open alerts, meetings, contracts and PASS IAE with their
   * amendments) for the whole caseload, whatever its size. Each member is checked for {@code
   * INSERTION_READ} and {@code COACHING_READ} (as reading them one by one through the services
   * would), and each read is audited per learner as those reads are ({@code insertion.alert},
   * {@code coaching.coaching_read}, {@code insertion.insertion_read}), in one statement.
   *
   * @param actor who calls, checked against the access rules
   * @param today the day contracts and PASS IAE are assessed on
   * @return one summary per member, in the order of {@link #caseload}
   * @throws TremplinException {@code ACCESS_DENIED} when the actor may not read a member's coaching
   *     or insertion records
   */
  public List<CaseSummary> overview(Actor actor, LocalDate today) {
    TremplinException.required(today, "today");
    return database.read(
        h -> {
          List<CaseMember> members = caseload(actor);
          if (members.isEmpty()) {
            return List.<CaseSummary>of();
          }
          List<LearnerId> ids = new ArrayList<>();
          for (CaseMember m : members) {
            Target target =
                new Target.OfLearner(
                    m.cohort().school(), m.cohort().id(), m.learner().id(), m.referentCoach());
            access.check(actor, Operation.INSERTION_READ, target);
            access.check(actor, Operation.COACHING_READ, target);
            ids.add(m.learner().id());
          }
          Map<LearnerId, List<Alert>> alerts = new HashMap<>();
          for (Alert a : stores.alerts().unresolvedOf(ids)) {
            alerts.computeIfAbsent(a.learner(), k -> new ArrayList<>()).add(a);
          }
          Map<LearnerId, List<CoachingMeeting>> meetings = new HashMap<>();
          for (CoachingMeeting m : stores.meetings().byLearners(ids)) {
            meetings.computeIfAbsent(m.learner(), k -> new ArrayList<>()).add(m);
          }
          Map<LearnerId, InsertionContract> contracts = stores.contracts().findAll(ids);
          Map<LearnerId, PassIae> passes = stores.passes().findAll(ids);
          stores
              .privacy()
              .auditReads(
                  actor,
                  ids,
                  List.of("insertion.alert", "coaching.coaching_read", "insertion.insertion_read"));
          List<CaseSummary> summaries = new ArrayList<>();
          for (CaseMember m : members) {
            LearnerId id = m.learner().id();
            CohortId cohort = m.cohort().id();
            List<CoachingMeeting> inCohort =
                meetings.getOrDefault(id, List.of()).stream()
                    .filter(x -> x.cohort().equals(cohort))
                    .toList();
            InsertionContract contract = contracts.get(id);
            PassIae pass = passes.get(id);
            summaries.add(
                new CaseSummary(
                    m,
                    alerts.getOrDefault(id, List.of()).stream()
                        .filter(a -> a.cohort().equals(cohort))
                        .toList(),
                    inCohort.stream()
                        .filter(x -> x.status() instanceof MeetingStatus.Held)
                        .map(x -> x.plannedAt().toLocalDate())
                        .max(Comparator.naturalOrder())
                        .orElse(null),
                    inCohort.stream()
                        .filter(x -> x.status() instanceof MeetingStatus.Planned)
                        .map(CoachingMeeting::plannedAt)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                    contract == null
                        ? null
                        : new AssessedContract(contract, stores.rules().assess(contract, today)),
                    pass == null
                        ? null
                        : new AssessedPass(pass, stores.rules().status(pass, today))));
          }
          return List.copyOf(summaries);
        });
  }

  /**
   * The actor's own caseload: the learners whose current referent they are, each in the cohort of
   * their latest enrolment, keeping only those whose file the actor may keep (a coach launched for
   * one cohort sees their referees of that cohort). Empty for an actor who is nobody's referent.
   *
   * @param actor who calls, checked against the access rules
   * @return the caseload, in no particular order
   */
  public List<CaseMember> caseload(Actor actor) {
    TremplinException.required(actor, "actor");
    List<LearnerId> ids = referents.caseload(actor, actor.id());
    Map<LearnerId, Latest> latest = latestCohorts(ids);
    Map<LearnerId, Learner> found = learners.byIds(latest.keySet());
    List<CaseMember> members = new ArrayList<>();
    for (LearnerId id : ids) {
      Latest last = latest.get(id);
      if (last == null) {
        continue;
      }
      Cohort cohort = cohorts.cohort(last.cohort());
      Target target = new Target.OfLearner(cohort.school(), cohort.id(), id, actor.id());
      if (access.allows(actor, Operation.INSERTION_WRITE, target)) {
        Learner learner = found.get(id);
        if (learner == null) {
          throw new TremplinException(ErrorCode.LEARNER_NOT_FOUND, "no learner with id " + id);
        }
        members.add(new CaseMember(learner, cohort, actor.id(), last.enrolled()));
      }
    }
    return List.copyOf(members);
  }

  /**
   * One learner's file place, for whoever may keep it.
   *
   * @param actor who calls, checked against the access rules
   * @param learner the learner
   * @return the learner, their cohort and referent
   * @throws TremplinException {@code LEARNER_NOT_FOUND} for an unknown learner, {@code
   *     LEARNER_NOT_ENROLLED} for one who never joined a cohort, {@code ACCESS_DENIED} without
   *     {@code INSERTION_WRITE} on them
   */
  public CaseMember member(Actor actor, LearnerId learner) {
    TremplinException.required(actor, "actor");
    Learner l = learners.learner(learner);
    Latest last =
        Optional.ofNullable(latestCohorts(List.of(learner)).get(learner))
            .orElseThrow(
                () ->
                    new TremplinException(
                        ErrorCode.LEARNER_NOT_ENROLLED,
                        "learner " + learner + " never joined a cohort"));
    Cohort cohort = cohorts.cohort(last.cohort());
    String referent = referents.referentOf(learner).orElse("");
    access.check(
        actor,
        Operation.INSERTION_WRITE,
        new Target.OfLearner(cohort.school(), cohort.id(), learner, referent));
    return new CaseMember(l, cohort, referent, last.enrolled());
  }

  /** The cohort of a learner's latest enrolment event, and whether that event is not leaving. */
  private record Latest(CohortId cohort, boolean enrolled) {}

  /** Each learner's latest enrolment event (by day, then by when recorded). */
  private Map<LearnerId, Latest> latestCohorts(List<LearnerId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return database.read(
        h -> {
          Map<LearnerId, Latest> latest = new HashMap<>();
          h.createQuery(
                  """
                  select learner_id, cohort_id, kind from tremplin_enrolment_event
                  where learner_id in (<ids>)
                  order by event_date, recorded_at, seq
                  """)
              .bindList("ids", ids.stream().map(LearnerId::value).toList())
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          new LearnerId(rs.getObject("learner_id", UUID.class)),
                          new Latest(
                              new CohortId(rs.getObject("cohort_id", UUID.class)),
                              !"LEFT".equals(rs.getString("kind")))))
              .forEach(e -> latest.put(e.getKey(), e.getValue()));
          return latest;
        });
  }
}
