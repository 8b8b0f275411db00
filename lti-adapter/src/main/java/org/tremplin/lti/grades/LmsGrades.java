package org.tremplin.lti.grades;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.core.Tremplin;
import org.tsugi.ags2.objects.LineItem;
import org.tsugi.ags2.objects.Result;

/**
 * Reads the LMS's grades back (AGS results service, LTI.md §5; issue 11, item 3): each result on a
 * Tremplin line item ({@code competency:<code>}, tag {@code tremplin}) that differs from the score
 * Tremplin sent there and from the last one read becomes evidence with source {@link
 * EvidenceSource#LMS_GRADE}, recorded by the actor who asked (it needs {@code EVIDENCE_WRITE}).
 * Such evidence never acquires a competency alone (ADR 0002) and is never sent back. Run on demand
 * (the trainer's page). Thread-safe.
 */
public final class LmsGrades {
  /** The assessor named on imported evidence. */
  public static final String ASSESSOR = "LMS";

  private static final Logger LOG = LoggerFactory.getLogger(LmsGrades.class);
  private static final double SAME = 1e-6;

  private final Tremplin tremplin;
  private final JdbiGradeDeliveries store;
  private final Gradebooks gradebooks;
  private final AgsClient client;
  private final Clock clock;

  /** Reading with this client from the gradebooks found, recording through Tremplin. */
  public LmsGrades(
      Tremplin tremplin,
      JdbiGradeDeliveries store,
      Gradebooks gradebooks,
      AgsClient client,
      Clock clock) {
    this.tremplin = TremplinException.required(tremplin, "tremplin");
    this.store = TremplinException.required(store, "store");
    this.gradebooks = TremplinException.required(gradebooks, "gradebooks");
    this.client = TremplinException.required(client, "client");
    this.clock = TremplinException.required(clock, "clock");
  }

  /** The assessment a grade stands for: all of it acquired, at least half partly, else not. */
  public static AssessmentResult resultOf(double score, double maximum) {
    double ratio = maximum > 0 ? score / maximum : 0;
    if (ratio >= 1 - SAME) {
      return AssessmentResult.ACQUIRED;
    }
    return ratio >= 0.5 - SAME
        ? AssessmentResult.PARTIALLY_ACQUIRED
        : AssessmentResult.NOT_ACQUIRED;
  }

  /**
   * Reads every result of the cohort's Tremplin line items and records the new ones as evidence.
   *
   * @return the evidence recorded (empty when the course offers no results service)
   * @throws GradebookException when the platform fails or refuses
   * @throws TremplinException {@code ACCESS_DENIED} when the actor may not write evidence
   */
  public List<Evidence> importResults(Actor actor, CohortId cohort) {
    TremplinException.required(actor, "actor");
    Optional<CourseGradebook> found = gradebooks.of(cohort);
    if (found.isEmpty() || !found.get().scopes().contains(Ags.SCOPE_RESULT_READONLY)) {
      return List.of();
    }
    CourseGradebook g = found.get();
    Set<String> scopes = Ags.reading(g.scopes());
    List<Evidence> recorded = new java.util.ArrayList<>();
    for (LineItem item : client.lineItems(g, "", Ags.TAG, scopes)) {
      String competency = item.resourceId == null ? "" : Ags.competencyOf(item.resourceId);
      if (competency.isEmpty()) {
        continue;
      }
      for (Result r : client.results(g, URI.create(item.id), scopes)) {
        if (r.userId == null || r.resultScore == null) {
          continue;
        }
        double maximum =
            r.resultMaximum != null && r.resultMaximum > 0
                ? r.resultMaximum
                : item.scoreMaximum != null && item.scoreMaximum > 0
                    ? item.scoreMaximum
                    : Ags.SCORE_MAXIMUM;
        importOne(actor, cohort, g, item.resourceId, competency, r.userId, r.resultScore, maximum)
            .ifPresent(recorded::add);
      }
    }
    return recorded;
  }

  private Optional<Evidence> importOne(
      Actor actor,
      CohortId cohort,
      CourseGradebook g,
      String resourceId,
      String competency,
      String sub,
      double score,
      double maximum) {
    Optional<LearnerId> learner = store.learnerOf(g.issuer(), g.clientId(), sub);
    if (learner.isEmpty()) {
      return Optional.empty();
    }
    String lane =
        JdbiGradeDeliveries.lane(g.issuer(), g.clientId(), g.lineItems(), resourceId, sub);
    double ratio = score / maximum;
    if (same(store.lastSentScore(lane), ratio) || same(store.lastImport(lane), ratio)) {
      return Optional.empty(); // our own score, or a grade already read
    }
    NewEvidence evidence =
        new NewEvidence(
            learner.get(),
            new EvidenceTarget.OnCompetency(competency),
            EvidenceSource.LMS_GRADE,
            resultOf(score, maximum),
            ASSESSOR,
            LocalDate.now(clock),
            "");
    try {
      return Optional.of(
          store
              .database()
              .inTransaction(
                  h -> {
                    Evidence e = tremplin.evidence().record(actor, cohort, evidence);
                    store.recordImport(h, lane, score, maximum, e.id(), clock.instant());
                    return e;
                  }));
    } catch (TremplinException e) {
      if (e.code() == org.tremplin.api.ErrorCode.ACCESS_DENIED) {
        throw e;
      }
      LOG.info("LMS grade not recorded (code {})", e.code());
      return Optional.empty();
    }
  }

  private static boolean same(Optional<double[]> known, double ratio) {
    return known.isPresent() && Math.abs(known.get()[0] / known.get()[1] - ratio) < SAME;
  }
}
