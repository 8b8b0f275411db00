package org.tremplin.web.cohort;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.LearnerId;
import org.tremplin.api.access.Operation;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.evidence.Evidence;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.lti.grades.GradeDeliveries;
import org.tremplin.lti.grades.GradebookException;
import org.tremplin.lti.grades.LmsGrades;
import org.tremplin.lti.grades.RefusedScore;
import org.tremplin.lti.grades.ScoreCounts;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormGuard.Submitted;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Templates;
import org.tremplin.web.page.Texts;

/**
 * The cohort's LMS grades (issue 11, item 3): how many scores were sent to the LMS gradebook, wait
 * or were refused, every refusal for good with the platform's answer, and the button reading the
 * LMS's grades back as evidence ({@link LmsGrades#importResults}). Reading needs {@code
 * EVIDENCE_READ} on the cohort; the read-back needs {@code EVIDENCE_WRITE} (checked by the engine).
 * Stateless.
 */
final class CohortGrades {
  private final Tremplin tremplin;
  private final CohortPages pages;
  private final FormGuard guard;
  private final GradeDeliveries deliveries;
  private final LmsGrades lmsGrades;

  CohortGrades(
      Tremplin tremplin,
      CohortPages pages,
      FormGuard guard,
      GradeDeliveries deliveries,
      LmsGrades lmsGrades) {
    this.tremplin = tremplin;
    this.pages = pages;
    this.guard = guard;
    this.deliveries = deliveries;
    this.lmsGrades = lmsGrades;
  }

  /** Whether the session may read the cohort's evidence (and so its grade deliveries). */
  boolean mayRead(CohortContext c) {
    return tremplin
        .access()
        .allows(c.actor(), Operation.EVIDENCE_READ, CohortRegistry.target(c.cohort()));
  }

  /** The page; {@code imported} is the count the read-back redirected with, if any. */
  Response page(CohortContext c, @Nullable String imported) {
    if (!mayRead(c)) {
      return pages.forbidden(c.request().session().locale());
    }
    String banner = "";
    if (imported != null) {
      try {
        int n = Integer.parseInt(imported);
        if (n >= 0 && n <= 100_000) {
          banner = pages.texts(c).get("grades.imported", n);
        }
      } catch (NumberFormatException e) {
        // no banner for a made-up count
      }
    }
    return render(c, 200, banner, "");
  }

  /**
   * Reads the LMS's grades back (inside {@link FormGuard#once}: the evidence and the submission in
   * one transaction); a platform failure comes back as the page with its answer (502), nothing
   * recorded.
   */
  Submitted importResults(CohortContext c) {
    if (!mayRead(c)) {
      return Submitted.refused(pages.forbidden(c.request().session().locale()));
    }
    List<Evidence> recorded;
    try {
      recorded = lmsGrades.importResults(c.actor(), c.cohort().id());
    } catch (GradebookException e) {
      Texts t = pages.texts(c);
      String error =
          e.status() == 0
              ? t.get("grades.import.unreachable")
              : t.get("grades.import.failed", e.status(), e.answer());
      return Submitted.refused(render(c, 502, "", error));
    }
    return Submitted.done(URI.create(pages.href(c, "/grades") + "&imported=" + recorded.size()));
  }

  private Response render(CohortContext c, int status, String banner, String error) {
    CohortPages.Frame frame = pages.frame(c, "/grades", "grades.title");
    Texts t = frame.t();
    Cohort cohort = c.cohort();
    ScoreCounts counts = deliveries.counts(cohort.id());
    Map<LearnerId, String> names = new HashMap<>();
    for (Learner l : tremplin.learners().learners(c.actor(), cohort.id())) {
      names.put(l.id(), l.familyName() + " " + l.givenName());
    }
    DateTimeFormatter when =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(t.locale())
            .withZone(tremplin.clock().getZone()); // the schools' (ADR 0024)
    List<Refusal> refusals = new ArrayList<>();
    for (RefusedScore r : deliveries.failures(cohort.id())) {
      refusals.add(
          new Refusal(
              "refusal-" + r.evidence().value(),
              names.getOrDefault(r.learner(), r.learner().value().toString()),
              r.competency(),
              when.format(r.at()),
              r.status(),
              r.answer()));
    }
    return CohortResource.html(
        status,
        Templates.web()
            .render(
                "cohort/grades.jte",
                new GradesPage(
                    frame,
                    t.get(
                        "grades.counts",
                        counts.sent(),
                        counts.waiting(),
                        counts.refused(),
                        counts.superseded()),
                    counts,
                    refusals,
                    pages.action(c, "/grades/import"),
                    guard.fields(c.request()),
                    banner,
                    error)));
  }

  /** A score refused for good: learner, competency, when, HTTP status, the platform's answer. */
  record Refusal(
      String id, String learner, String competency, String when, int status, String answer) {}

  /** The LMS grades page. */
  record GradesPage(
      CohortPages.Frame frame,
      String summary,
      ScoreCounts counts,
      List<Refusal> refusals,
      String action,
      HiddenFields hidden,
      String banner,
      String error) {}
}
