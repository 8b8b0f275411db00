package org.tremplin.web.coach;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.alert.Alert;
import org.tremplin.api.insertion.AssessedContract;
import org.tremplin.api.insertion.AssessedPass;
import org.tremplin.api.insertion.Exit;
import org.tremplin.core.Tremplin;
import org.tremplin.core.caseload.CaseMember;
import org.tremplin.core.caseload.CaseSummary;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code GET /app/caseload}: the coach's first screen (UI.md) — the learners whose referent they
 * are, ordered by what needs them: open alerts first, then the longest without a held meeting
 * (never met first), then the soonest end of contract or PASS IAE; each line says why (its alerts
 * and their kinds, the last and next meetings, a contract or PASS ending within {@value
 * #ENDING_DAYS} days) and opens the learner's file. Every figure is read through core with the
 * session's actor: its caseload overview reads each kind of record once for the whole caseload.
 * Thread-safe.
 */
@Path("app/caseload")
@WithSession
public final class CaseloadResource {
  /** A contract or PASS IAE ending within this many days is named on its line. */
  static final int ENDING_DAYS = 45;

  /** Days without a held meeting after which a line says the meeting is overdue. */
  static final int MEETING_DUE_DAYS = 30;

  /** From {@code /app/caseload} to the tool's root. */
  static final String ROOT = "../";

  private final Tremplin tremplin;
  private final Clock clock;

  /**
   * Over this engine and clock.
   *
   * @param tremplin the engine
   * @param clock the clock read for "today"
   */
  public CaseloadResource(Tremplin tremplin, Clock clock) {
    this.tremplin = tremplin;
    this.clock = clock;
  }

  /**
   * The session's caseload; 403 for a session that is no coach.
   *
   * @param security the request's security context (its session)
   * @return the caseload page
   */
  @GET
  public Response caseload(@Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    CoachText t = CoachText.of(request.session().locale());
    Optional<Actor> actor = request.actor();
    if (actor.isEmpty() || actor.get().grants().stream().noneMatch(g -> g.role() == Role.COACH)) {
      return CoachPages.forbidden(request, ROOT);
    }
    try {
      // one transaction for the page's reads: their audit lines are committed once
      List<Line> lines = tremplin.transactions().inTransaction(h -> lines(actor.get(), t));
      return CoachPages.caseload(request, t, lines, schoolOf(lines));
    } catch (TremplinException e) {
      if (e.code() == org.tremplin.api.ErrorCode.ACCESS_DENIED) {
        return CoachPages.forbidden(request, ROOT);
      }
      throw e;
    }
  }

  private String schoolOf(List<Line> lines) {
    return lines.isEmpty() ? "" : lines.get(0).school();
  }

  /** One learner of the caseload as its line shows it. */
  record Line(
      String school,
      String learnerId,
      String name,
      String cohort,
      int openAlerts,
      long daysSinceMeeting,
      long endingIn,
      List<String> reasons,
      boolean urgent,
      boolean exited) {}

  /** The caseload's lines, sorted by what needs the coach. */
  List<Line> lines(Actor actor, CoachText t) {
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    LocalDate today = now.toLocalDate();
    List<Line> lines = new ArrayList<>();
    Map<SchoolId, String> schools = new HashMap<>();
    // one read per kind of record for the whole caseload (core's overview)
    for (CaseSummary summary : tremplin.caseloads().overview(actor, today)) {
      CaseMember m = summary.member();
      var cohort = m.cohort().id();
      var learner = m.learner().id();
      List<Alert> alerts = summary.openAlerts();
      Optional<AssessedContract> contract = summary.contract();
      Optional<AssessedPass> pass = summary.pass();
      // an exit is recorded for a learner who left: the others need no read of it
      Optional<Exit> exit =
          m.enrolled() ? Optional.empty() : tremplin.insertion().exit(actor, cohort, learner);
      List<String> reasons = new ArrayList<>();
      if (!alerts.isEmpty()) {
        reasons.add(
            t.get(
                "coach.caseload.alerts",
                alerts.size(),
                String.join(
                    ", ", alerts.stream().map(a -> t.kind(a.signal())).distinct().toList())));
      }
      Optional<LocalDate> lastHeld = summary.lastHeld();
      long since = lastHeld.map(d -> ChronoUnit.DAYS.between(d, today)).orElse(Long.MAX_VALUE);
      if (lastHeld.isPresent()) {
        reasons.add(
            t.get(
                since > MEETING_DUE_DAYS ? "coach.caseload.last.overdue" : "coach.caseload.last",
                since,
                t.day(lastHeld.get())));
      } else {
        reasons.add(t.get("coach.caseload.last.none"));
      }
      Optional<LocalDateTime> next = summary.nextPlanned();
      reasons.add(
          next.map(
                  n ->
                      n.isBefore(now)
                          ? t.get("coach.caseload.next.unrecorded", t.dateTime(n))
                          : t.get("coach.caseload.next", t.dateTime(n)))
              .orElseGet(() -> t.get("coach.caseload.next.none")));
      long endingIn = Long.MAX_VALUE;
      if (contract.isPresent()) {
        LocalDate end = contract.get().assessment().end();
        long left = ChronoUnit.DAYS.between(today, end);
        if (left >= 0 && left <= ENDING_DAYS) {
          reasons.add(t.get("coach.caseload.ending.CONTRACT", t.day(end), left));
          endingIn = Math.min(endingIn, left);
        }
      }
      if (pass.isPresent()) {
        LocalDate end = pass.get().status().end();
        long left = ChronoUnit.DAYS.between(today, end);
        if (left >= 0 && left <= ENDING_DAYS) {
          reasons.add(t.get("coach.caseload.ending.PASS_IAE", t.day(end), left));
          endingIn = Math.min(endingIn, left);
        }
      }
      exit.ifPresent(x -> reasons.add(t.get("coach.caseload.exit", t.day(x.leftOn()))));
      if (!m.enrolled() && exit.isEmpty()) {
        reasons.add(t.get("coach.caseload.left"));
      }
      lines.add(
          new Line(
              schools.computeIfAbsent(m.cohort().school(), s -> schoolName(m)),
              learner.value().toString(),
              m.learner().displayName(),
              m.cohort().name(),
              alerts.size(),
              since,
              endingIn,
              List.copyOf(reasons),
              m.enrolled()
                  ? !alerts.isEmpty() || since > MEETING_DUE_DAYS || endingIn <= ENDING_DAYS
                  : exit.isEmpty(),
              !m.enrolled()));
    }
    lines.sort(ORDER);
    return lines;
  }

  private String schoolName(CaseMember m) {
    try {
      return tremplin.schools().get(m.cohort().school()).name();
    } catch (TremplinException e) {
      return "";
    }
  }

  /** Exited last; then open alerts, days since the last meeting, ending soonest, name. */
  static final Comparator<Line> ORDER =
      Comparator.comparing(Line::exited)
          .thenComparing(Comparator.comparingInt(Line::openAlerts).reversed())
          .thenComparing(Comparator.comparingLong(Line::daysSinceMeeting).reversed())
          .thenComparingLong(Line::endingIn)
          .thenComparing(Line::name, String.CASE_INSENSITIVE_ORDER);
}
