package org.tremplin.core.caseload;

import java.util.ArrayList;
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
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.coaching.ReferentRegistry;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;

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

  /**
   * Over these registries.
   *
   * @param database the database (unit of work)
   * @param cohorts the cohorts
   * @param learners the learners
   * @param referents the referents
   * @param access the access rules every call is checked against
   */
  public CaseloadDesk(
      Database database,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      ReferentRegistry referents,
      AccessRules access) {
    this.database = database;
    this.cohorts = cohorts;
    this.learners = learners;
    this.referents = referents;
    this.access = access;
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
    Map<LearnerId, CohortId> latest = latestCohorts(ids);
    List<CaseMember> members = new ArrayList<>();
    for (LearnerId id : ids) {
      CohortId cohortId = latest.get(id);
      if (cohortId == null) {
        continue;
      }
      Cohort cohort = cohorts.cohort(cohortId);
      Target target = new Target.OfLearner(cohort.school(), cohort.id(), id, actor.id());
      if (access.allows(actor, Operation.INSERTION_WRITE, target)) {
        members.add(new CaseMember(learners.learner(id), cohort, actor.id()));
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
    CohortId cohortId =
        Optional.ofNullable(latestCohorts(List.of(learner)).get(learner))
            .orElseThrow(
                () ->
                    new TremplinException(
                        ErrorCode.LEARNER_NOT_ENROLLED,
                        "learner " + learner + " never joined a cohort"));
    Cohort cohort = cohorts.cohort(cohortId);
    String referent = referents.referentOf(learner).orElse("");
    access.check(
        actor,
        Operation.INSERTION_WRITE,
        new Target.OfLearner(cohort.school(), cohort.id(), learner, referent));
    return new CaseMember(l, cohort, referent);
  }

  /** Each learner's cohort of the latest enrolment event (by day, then by when recorded). */
  private Map<LearnerId, CohortId> latestCohorts(List<LearnerId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return database.read(
        h -> {
          Map<LearnerId, CohortId> latest = new HashMap<>();
          h.createQuery(
                  """
                  select learner_id, cohort_id from tremplin_enrolment_event
                  where learner_id in (<ids>)
                  order by event_date, recorded_at, seq
                  """)
              .bindList("ids", ids.stream().map(LearnerId::value).toList())
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          new LearnerId(rs.getObject("learner_id", UUID.class)),
                          new CohortId(rs.getObject("cohort_id", UUID.class))))
              .forEach(e -> latest.put(e.getKey(), e.getValue()));
          return latest;
        });
  }
}
