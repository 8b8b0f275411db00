package org.tremplin.lti.grades;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.CohortId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.event.AssessmentRecorded;
import org.tremplin.api.event.EventConsumer;
import org.tremplin.api.event.EventEnvelope;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tsugi.ags2.objects.LineItem;

/**
 * Publishes recorded assessments to the LMS gradebook (AGS 2.0, LTI.md §5; issue 11, item 3): the
 * outbox consumer {@value #NAME}. An {@link AssessmentRecorded} of a learner with a platform
 * account in a cohort whose course offers AGS becomes a score on the line item of its competency
 * ({@code resourceId} {@code competency:<code>}, tag {@code tremplin}: looked up across all pages,
 * created when missing and the platform allows it, stored once).
 *
 * <p><b>Exactly once, in order.</b> The score is recorded once per evidence id (the idempotency
 * key), then the lane (line item, learner) is sent in the order assessments were recorded, by one
 * node at a time (a lease on the lane): a score waiting for a retry holds back the later scores of
 * its lane, so the gradebook never sees them out of order; a score older than one the gradebook
 * already has is not sent (superseded). A score's timestamp is when its assessment was recorded,
 * moved just after the lane's previous timestamp if needed (strictly increasing, millisecond
 * precision); after a 409 (Moodle refuses a timestamp in the second of the grade it has) the lane's
 * next timestamp moves to the next second, and not before the time of the conflict. The score's
 * maximum is {@link Ags#SCORE_MAXIMUM} ({@link #scoreOf}).
 *
 * <p><b>Failures.</b> 409, 429, 5xx, network errors and a second 401 throw, so the relay tries the
 * event again with its backoff; a {@code Retry-After} is honoured on top of it (no request to that
 * platform before then). A 404 forgets the stored line item (looked up again next time). Any other
 * 4xx is recorded with the platform's answer ({@link GradeDeliveries#failures}) and the lane goes
 * on. LMS grades ({@link EvidenceSource#LMS_GRADE}) are never sent back. Thread-safe.
 */
public final class GradePublisher implements EventConsumer {
  /** The consumer's name in the outbox. */
  public static final String NAME = "lti.grades";

  private static final Logger LOG = LoggerFactory.getLogger(GradePublisher.class);
  private static final Duration LANE_LEASE = Duration.ofSeconds(60);
  private static final Duration CREATION_CLAIM = Duration.ofSeconds(60);

  /**
   * How long the column of a placed graded activity is awaited ({@link
   * JdbiGradeDeliveries#placed}): the platform creates it when the deep linking response reaches
   * it, seconds after the trainer's choice.
   */
  public static final Duration PLACED_WAIT = Duration.ofMinutes(10);

  private final JdbiGradeDeliveries store;
  private final Gradebooks gradebooks;
  private final AgsClient client;
  private final Clock clock;
  private final String holder = UUID.randomUUID().toString();
  private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
  private final Map<CohortId, Known> known = new ConcurrentHashMap<>();
  private final Map<String, KnownSub> subs = new ConcurrentHashMap<>();

  /** A learner's platform user id as last looked up, kept {@link #KNOWN_FOR}. */
  private record KnownSub(String sub, Instant until) {}

  /** A cohort's gradebook as last looked up, kept {@link #KNOWN_FOR}. */
  private record Known(Optional<CourseGradebook> gradebook, Instant until) {}

  /** How long a cohort's gradebook lookup is kept (a launch changing the claim shows after it). */
  static final Duration KNOWN_FOR = Duration.ofSeconds(30);

  /**
   * Publishing with this client to the gradebooks found, recording in this store.
   *
   * @param store the store
   * @param gradebooks the gradebooks
   * @param client the client
   * @param clock the clock read for "now"
   */
  public GradePublisher(
      JdbiGradeDeliveries store, Gradebooks gradebooks, AgsClient client, Clock clock) {
    this.store = TremplinException.required(store, "store");
    this.gradebooks = TremplinException.required(gradebooks, "gradebooks");
    this.client = TremplinException.required(client, "client");
    this.clock = TremplinException.required(clock, "clock");
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The score of an assessment result, out of {@link Ags#SCORE_MAXIMUM}: 0, 50 or 100.
   *
   * @param result the result
   * @return the score of an assessment result, out of {@link Ags#SCORE_MAXIMUM}: 0, 50 or 100
   */
  public static double scoreOf(AssessmentResult result) {
    return switch (result) {
      case NOT_ACQUIRED -> 0;
      case PARTIALLY_ACQUIRED -> Ags.SCORE_MAXIMUM / 2;
      case ACQUIRED -> Ags.SCORE_MAXIMUM;
    };
  }

  @Override
  public void accept(EventEnvelope envelope) {
    if (!(envelope.event() instanceof AssessmentRecorded a)
        || a.source() == EvidenceSource.LMS_GRADE) {
      return;
    }
    Optional<CourseGradebook> found = gradebook(a.cohort());
    if (found.isEmpty() || !found.get().scopes().contains(Ags.SCOPE_SCORE)) {
      return; // no linked course, or the platform offers no scores there
    }
    CourseGradebook gradebook = found.get();
    Optional<String> sub = subOf(gradebook, a);
    if (sub.isEmpty()) {
      return; // the learner has no account on that platform
    }
    String competency = a.target().competency();
    String resourceId = Ags.resourceId(competency);
    String lane =
        JdbiGradeDeliveries.lane(
            gradebook.issuer(), gradebook.clientId(), gradebook.lineItems(), resourceId, sub.get());
    store.enqueue(
        new JdbiGradeDeliveries.Queued(
            a.evidence(),
            a.cohort(),
            a.learner(),
            competency,
            lane,
            gradebook.issuer(),
            gradebook.clientId(),
            gradebook.lineItems(),
            resourceId,
            sub.get(),
            scoreOf(a.result()),
            Ags.SCORE_MAXIMUM,
            envelope.occurredAt()),
        clock.instant());
    send(gradebook, lane, resourceId);
  }

  private Optional<CourseGradebook> gradebook(CohortId cohort) {
    Instant now = clock.instant();
    Known k = known.get(cohort);
    if (k == null || !now.isBefore(k.until())) {
      k = new Known(gradebooks.of(cohort), now.plus(KNOWN_FOR));
      known.put(cohort, k);
    }
    return k.gradebook();
  }

  /** The learner's platform user id (a found one kept {@link #KNOWN_FOR}, as the gradebook). */
  private Optional<String> subOf(CourseGradebook gradebook, AssessmentRecorded a) {
    String key = gradebook.issuer() + "\u0000" + gradebook.clientId() + "\u0000" + a.learner();
    Instant now = clock.instant();
    KnownSub k = subs.get(key);
    if (k != null && now.isBefore(k.until())) {
      return Optional.of(k.sub());
    }
    Optional<String> sub = store.subOf(gradebook.issuer(), gradebook.clientId(), a.learner());
    sub.ifPresentOrElse(
        s -> subs.put(key, new KnownSub(s, now.plus(KNOWN_FOR))), () -> subs.remove(key));
    return sub;
  }

  /** Sends the lane's waiting scores in order; throws to be tried again later. */
  private void send(CourseGradebook gradebook, String lane, String resourceId) {
    String platform = gradebook.issuer() + " " + gradebook.clientId();
    Instant wait = notBefore.get(platform);
    Instant now = clock.instant();
    if (wait != null && now.isBefore(wait)) {
      if (store.pending(lane).isEmpty()) {
        return; // already sent (a repeated delivery, or another event's pass sent it)
      }
      throw GradebookException.later("the platform asked to wait until " + wait, 429, null);
    }
    if (!store.takeLane(lane, holder, now, now.plus(LANE_LEASE))) {
      if (store.pending(lane).isEmpty()) {
        return;
      }
      throw GradebookException.later("another node is sending this lane", 0, null);
    }
    try {
      // the lane is ours until released: its waiting scores are read once
      List<JdbiGradeDeliveries.Queued> pending = store.pending(lane);
      if (pending.isEmpty()) {
        return; // already sent (a repeated delivery, or another event's pass sent it)
      }
      Set<String> scopes = Ags.publishing(gradebook.scopes());
      URI lineItem;
      try {
        lineItem = lineItem(gradebook, resourceId, scopes);
      } catch (GradebookException e) {
        if (e.retryable()) {
          throw e;
        }
        LOG.info("line item refused by {} (status {})", gradebook.issuer(), e.status());
        for (JdbiGradeDeliveries.Queued s : pending) {
          store.record(
              s.evidence(),
              JdbiGradeDeliveries.State.REFUSED,
              clock.instant(),
              e.status(),
              e.answer().isEmpty() ? e.getMessage() : e.answer(),
              clock.instant());
        }
        return;
      }
      // the lane is ours until released: its latest sent score and last timestamp are read once
      Optional<Instant> latest = store.latestSent(lane);
      Optional<Instant> last = store.lastStamp(lane);
      for (JdbiGradeDeliveries.Queued s : pending) {
        if (latest.isPresent() && s.occurredAt().isBefore(latest.get())) {
          store.supersede(s.evidence(), clock.instant());
          continue;
        }
        Instant stamp = s.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        if (last.isPresent() && !stamp.isAfter(last.get())) {
          stamp = last.get().plusMillis(1); // strictly increasing per line item and user
        }
        last = Optional.of(stamp);
        Score score = Score.graded(s.userSub(), s.given(), s.maximum(), stamp);
        try {
          int status = client.postScore(gradebook, lineItem, score, scopes);
          store.record(
              s.evidence(), JdbiGradeDeliveries.State.SENT, stamp, status, "", clock.instant());
          latest = Optional.of(s.occurredAt());
        } catch (GradebookException e) {
          if (e.status() == 404) {
            store.forgetLineItem(gradebook.lineItems(), resourceId, Ags.TAG);
            throw e;
          }
          if (e.retryable()) {
            if (e.status() == 409) {
              store.conflicted(lane, stamp, clock.instant());
            }
            store.record(
                s.evidence(),
                JdbiGradeDeliveries.State.PENDING,
                stamp,
                e.status(),
                "",
                clock.instant());
            throw e;
          }
          LOG.info("score refused by {} (status {})", gradebook.issuer(), e.status());
          store.record(
              s.evidence(),
              JdbiGradeDeliveries.State.REFUSED,
              stamp,
              e.status(),
              e.answer(),
              clock.instant());
        }
      }
    } catch (GradebookException e) {
      if (e.retryable()) {
        e.retryAfter().ifPresent(d -> notBefore.put(platform, clock.instant().plus(d)));
      }
      throw e;
    } finally {
      store.releaseLane(lane, holder);
    }
  }

  /**
   * Of the line items found for one resource id, the one of a placed activity (a resource link) if
   * any, else the first: a trainer who placed the competency as an activity reads its grades in
   * that activity's column, even when Tremplin had created a free-standing one before.
   */
  static LineItem preferred(List<LineItem> found) {
    return found.stream().filter(GradePublisher::ofActivity).findFirst().orElse(found.get(0));
  }

  private static boolean ofActivity(LineItem item) {
    return item.resourceLinkId != null && !item.resourceLinkId.isBlank();
  }

  /**
   * The line item of this resource id: stored, else found on the platform — the column of a placed
   * activity before a free-standing one —, else created. While a placed activity's column is
   * awaited ({@link JdbiGradeDeliveries#placed}), the platform is asked again on each pass and
   * nothing is created: the activity's column, once it appears, replaces the stored one for good.
   */
  private URI lineItem(CourseGradebook gradebook, String resourceId, Set<String> scopes) {
    JdbiGradeDeliveries.StoredLineItem known =
        store.storedLineItem(gradebook.lineItems(), resourceId, Ags.TAG);
    Optional<URI> stored = known.url();
    Instant now = clock.instant();
    boolean awaited = known.awaitedAt(now);
    if (stored.isPresent() && !awaited) {
      return stored.get();
    }
    List<LineItem> found = client.lineItems(gradebook, resourceId, Ags.TAG, scopes);
    if (awaited) {
      Optional<LineItem> placed = found.stream().filter(GradePublisher::ofActivity).findFirst();
      if (placed.isPresent()) {
        URI id = URI.create(placed.get().id);
        store.storePlacedLineItem(gradebook.lineItems(), resourceId, Ags.TAG, id, now);
        return id;
      }
      if (stored.isPresent()) {
        return stored.get(); // the free-standing column meanwhile: its scores are not held back
      }
      if (!found.isEmpty()) {
        return URI.create(found.get(0).id);
      }
      throw GradebookException.later("the placed activity's column is not there yet", 0, null);
    }
    if (!found.isEmpty()) {
      URI id = URI.create(preferred(found).id);
      store.storeLineItem(gradebook.lineItems(), resourceId, Ags.TAG, id, clock.instant());
      return store.lineItem(gradebook.lineItems(), resourceId, Ags.TAG).orElse(id);
    }
    if (!scopes.contains(Ags.SCOPE_LINEITEM)) {
      throw GradebookException.refused(
          "no line item for " + resourceId + " and no right to create one",
          0,
          "The course has no gradebook column for " + resourceId + " (place the activity first).");
    }
    if (!store.claimCreation(
        gradebook.lineItems(), resourceId, Ags.TAG, now, now.plus(CREATION_CLAIM))) {
      throw GradebookException.later("another node is creating the line item", 0, null);
    }
    LineItem item = new LineItem();
    item.label = Ags.competencyOf(resourceId);
    item.scoreMaximum = Ags.SCORE_MAXIMUM;
    item.resourceId = resourceId;
    item.tag = Ags.TAG;
    LineItem created;
    try {
      created = client.create(gradebook, item, scopes);
    } catch (RuntimeException e) {
      store.forgetLineItem(gradebook.lineItems(), resourceId, Ags.TAG);
      throw e;
    }
    URI id = URI.create(created.id);
    store.storeLineItem(gradebook.lineItems(), resourceId, Ags.TAG, id, clock.instant());
    LOG.debug("line item created for {} at {}", resourceId, gradebook.issuer());
    return id;
  }
}
