package org.tremplin.web.cohort;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.certification.PerformanceCriterion;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormGuard.Submitted;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Scripts;
import org.tremplin.web.page.Templates;
import org.tremplin.web.page.Texts;

/**
 * The cohort's forms: recording an assessment for one learner or several, and adding a learner by
 * hand. Each is validated on the server field by field; a refused form comes back (400) with the
 * error summary at the top, each message next to its field, and the values kept; an accepted one is
 * written in one transaction and answered with a redirect (303) to the page that shows it.
 * Stateless.
 */
final class CohortForms {
  /** The sources a trainer records by hand (LMS grades come from the grade sync). */
  static final List<EvidenceSource> SOURCES =
      List.of(
          EvidenceSource.TRAINER_ASSESSMENT,
          EvidenceSource.IN_TRAINING_ASSESSMENT,
          EvidenceSource.PROJECT);

  /** The results, from the best. */
  static final List<AssessmentResult> RESULTS =
      List.of(
          AssessmentResult.ACQUIRED,
          AssessmentResult.PARTIALLY_ACQUIRED,
          AssessmentResult.NOT_ACQUIRED);

  /** Longest comment and name (as the engine accepts). */
  static final int MAX_COMMENT = 2000;

  static final int MAX_NAME = 100;

  private final Tremplin tremplin;
  private final CohortPages pages;
  private final FormGuard guard;
  private final Clock clock;

  CohortForms(Tremplin tremplin, CohortPages pages, FormGuard guard, Clock clock) {
    this.tremplin = tremplin;
    this.pages = pages;
    this.guard = guard;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- assessment

  /** The empty form, with the learners and competency given in the query chosen. */
  Response assessmentForm(
      CohortContext c, List<String> learners, String competency, @Nullable String recorded) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("target", competency);
    values.put("date", LocalDate.now(clock).toString());
    values.put("source", EvidenceSource.TRAINER_ASSESSMENT.name());
    values.put("result", "");
    values.put("comment", "");
    String done = "";
    if (recorded != null) {
      try {
        int n = Integer.parseInt(recorded);
        if (n > 0 && n <= Cohort.MAX_CAPACITY) {
          done = pages.texts(c).get("assess.recorded", n);
        }
      } catch (NumberFormatException e) {
        // no banner for a made-up count
      }
    }
    return assessmentPage(c, 200, values, Set.copyOf(learners), new LinkedHashMap<>(), done);
  }

  /** Validates and records (inside {@link FormGuard#once}: one transaction with the submission). */
  Submitted assess(CohortContext c, MultivaluedMap<String, String> form) {
    Texts t = pages.texts(c);
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : List.of("target", "date", "source", "result", "comment")) {
      values.put(field, Optional.ofNullable(form.getFirst(field)).orElse("").strip());
    }
    List<String> chosen = Optional.ofNullable(form.get("learner")).orElse(List.of());
    Map<String, String> errors = new LinkedHashMap<>();
    Map<LearnerId, Learner> learners = new LinkedHashMap<>();
    tremplin.learners().learners(c.actor(), c.cohort().id()).forEach(l -> learners.put(l.id(), l));
    List<LearnerId> selected = new ArrayList<>();
    for (String value : chosen) {
      Optional<LearnerId> id = parseLearner(value).filter(learners::containsKey);
      if (id.isEmpty()) {
        selected.clear();
        break;
      }
      if (!selected.contains(id.get())) {
        selected.add(id.get());
      }
    }
    if (selected.isEmpty()) {
      errors.put("learner", t.get("assess.error.learner"));
    }
    CertificationVersion version = pages.certification(c.cohort());
    Optional<EvidenceTarget> target = target(version, values.get("target"));
    if (target.isEmpty()) {
      errors.put("target", t.get("assess.error.target"));
    }
    LocalDate today = LocalDate.now(clock);
    Optional<LocalDate> date = parseDate(values.get("date"));
    if (date.isEmpty()) {
      errors.put("date", t.get("form.error.date"));
    } else if (date.get().isAfter(today)) {
      errors.put("date", t.get("assess.error.future", t.date(today)));
    } else if (date.get().isBefore(c.cohort().range().first())) {
      errors.put("date", t.get("assess.error.before", t.date(c.cohort().range().first())));
    }
    Optional<EvidenceSource> source =
        SOURCES.stream().filter(s -> s.name().equals(values.get("source"))).findFirst();
    if (source.isEmpty()) {
      errors.put("source", t.get("assess.error.source"));
    }
    Optional<AssessmentResult> result =
        RESULTS.stream().filter(r -> r.name().equals(values.get("result"))).findFirst();
    if (result.isEmpty()) {
      errors.put("result", t.get("assess.error.result"));
    }
    if (values.get("comment").length() > MAX_COMMENT) {
      errors.put("comment", t.get("form.error.tooLong", MAX_COMMENT));
    }
    Set<String> kept = Set.copyOf(chosen);
    if (!errors.isEmpty()) {
      return Submitted.refused(assessmentPage(c, 400, values, kept, errors, ""));
    }
    String assessor = c.request().session().displayName();
    if (assessor.isBlank()) {
      assessor = c.actor().id();
    }
    String by = assessor;
    try {
      // joins the submission's transaction: every learner's evidence or none
      for (LearnerId learner : selected) {
        tremplin
            .evidence()
            .record(
                c.actor(),
                c.cohort().id(),
                new NewEvidence(
                    learner,
                    target.get(),
                    source.get(),
                    result.get(),
                    by,
                    date.get(),
                    values.get("comment")));
      }
    } catch (TremplinException e) {
      // the refusal rolls the whole submission back (FormGuard.once); nothing else is written
      switch (e.code()) {
        case ACCESS_DENIED -> throw e;
        case LEARNER_NOT_ENROLLED -> errors.put("learner", t.get("assess.error.notEnrolled"));
        case EVIDENCE_IN_FUTURE -> errors.put("date", t.get("assess.error.future", t.date(today)));
        case EVIDENCE_UNKNOWN_COMPETENCY, EVIDENCE_UNKNOWN_CRITERION ->
            errors.put("target", t.get("assess.error.target"));
        default -> errors.put("form", t.get("form.error.refused", e.code().name()));
      }
      return Submitted.refused(assessmentPage(c, 400, values, kept, errors, ""));
    }
    return Submitted.done(
        URI.create(pages.href(c, "/assessments/new?recorded=" + selected.size())));
  }

  private Response assessmentPage(
      CohortContext c,
      int status,
      Map<String, String> values,
      Set<String> chosen,
      Map<String, String> errors,
      String recorded) {
    CohortPages.Frame frame =
        withErrors(c, pages.frame(c, "/assessments/new", "assess.title"), errors);
    Texts t = frame.t();
    LocalDate today = LocalDate.now(clock);
    List<Option> learners = new ArrayList<>();
    Map<LearnerId, Enrolment> enrolments = new LinkedHashMap<>();
    tremplin
        .learners()
        .enrolments(c.actor(), c.cohort().id())
        .forEach(e -> enrolments.put(e.learner(), e));
    List<Learner> all = new ArrayList<>(tremplin.learners().learners(c.actor(), c.cohort().id()));
    all.sort(java.util.Comparator.comparing(Learner::familyName).thenComparing(Learner::givenName));
    for (Learner l : all) {
      Enrolment e = enrolments.get(l.id());
      if (e == null || !e.active()) {
        continue; // who left is no longer assessed
      }
      String value = l.id().value().toString();
      learners.add(
          new Option(
              "learner-" + value,
              value,
              l.familyName() + " " + l.givenName(),
              chosen.contains(value)));
    }
    List<Group> targets = new ArrayList<>();
    CertificationVersion version = pages.certification(c.cohort());
    for (CompetencyBlock b : version.blocks()) {
      List<Option> options = new ArrayList<>();
      for (Competency comp : b.competencies()) {
        options.add(
            new Option(
                "",
                comp.code(),
                comp.code() + " — " + comp.title().in(t.locale()),
                comp.code().equals(values.get("target"))));
        for (PerformanceCriterion cr : comp.criteria()) {
          options.add(
              new Option(
                  "",
                  cr.code(),
                  "\u00a0\u00a0" + cr.code() + " — " + cr.title().in(t.locale()),
                  cr.code().equals(values.get("target"))));
        }
      }
      targets.add(new Group(b.code() + " — " + b.title().in(t.locale()), options));
    }
    List<Option> sources = new ArrayList<>();
    for (EvidenceSource s : SOURCES) {
      sources.add(
          new Option(
              "source-" + s.name(),
              s.name(),
              t.get("source." + s.name()),
              s.name().equals(values.get("source"))));
    }
    List<Option> results = new ArrayList<>();
    for (AssessmentResult r : RESULTS) {
      results.add(
          new Option(
              "result-" + r.name(),
              r.name(),
              t.get("result." + r.name()),
              r.name().equals(values.get("result"))));
    }
    return CohortResource.html(
        status,
        Templates.web()
            .render(
                "cohort/assess.jte",
                new AssessPage(
                    frame,
                    pages.action(c, "/assessments"),
                    guard.fields(c.request()),
                    summary(t, errors),
                    errors,
                    learners,
                    targets,
                    values,
                    today.toString(),
                    sources,
                    results,
                    recorded,
                    pages.href(c, "/grid"))));
  }

  // ---------------------------------------------------------------- learner by hand

  /** The empty form: the join date defaults to today, or the cohort's first day if later. */
  Response addLearnerForm(CohortContext c) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("givenName", "");
    values.put("familyName", "");
    LocalDate today = LocalDate.now(clock);
    LocalDate first = c.cohort().range().first();
    values.put("date", (today.isBefore(first) ? first : today).toString());
    return addLearnerPage(c, mayEnrol(c) ? 200 : 403, values, new LinkedHashMap<>());
  }

  /**
   * Validates, registers the learner in the school and joins them to the cohort (inside {@link
   * FormGuard#once}: one transaction with the submission).
   */
  Submitted addLearner(CohortContext c, MultivaluedMap<String, String> form) {
    if (!mayEnrol(c)) {
      return Submitted.refused(pages.forbidden(c.request().session().locale()));
    }
    Texts t = pages.texts(c);
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : List.of("givenName", "familyName", "date")) {
      values.put(field, Optional.ofNullable(form.getFirst(field)).orElse("").strip());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : List.of("givenName", "familyName")) {
      if (values.get(field).isEmpty()) {
        errors.put(field, t.get("add.error." + field));
      } else if (values.get(field).length() > MAX_NAME) {
        errors.put(field, t.get("form.error.tooLong", MAX_NAME));
      }
    }
    Cohort cohort = c.cohort();
    Optional<LocalDate> date = parseDate(values.get("date"));
    if (date.isEmpty()) {
      errors.put("date", t.get("form.error.date"));
    } else if (!cohort.range().contains(date.get())) {
      errors.put(
          "date",
          t.get(
              "add.error.outside", t.date(cohort.range().first()), t.date(cohort.range().last())));
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(addLearnerPage(c, 400, values, errors));
    }
    Actor enrolling = enrollingActor(c);
    Learner learner;
    try {
      // joins the submission's transaction: registered and joined, or nothing
      learner =
          tremplin
              .learners()
              .register(
                  enrolling, cohort.school(), values.get("givenName"), values.get("familyName"));
      tremplin.learners().join(enrolling, cohort.id(), learner.id(), date.get());
    } catch (TremplinException e) {
      errors.put("form", t.get("form.error.refused", e.code().name()));
      int status = e.code().kind() == org.tremplin.api.ErrorCode.Kind.CONFLICT ? 409 : 400;
      return Submitted.refused(addLearnerPage(c, status, values, errors));
    }
    return Submitted.done(URI.create(pages.href(c, "") + "#learner-" + learner.id().value()));
  }

  /**
   * Whether the session may add a learner to this cohort: a trainer of the course's cohort (the
   * manual path of the roster sync) or who may write enrolments in it (coach, manager).
   */
  private boolean mayEnrol(CohortContext c) {
    Target target = new Target(c.cohort());
    return target.trainer(c.actor())
        || tremplin
            .access()
            .allows(c.actor(), Operation.ENROLMENT_WRITE, CohortRegistry.target(c.cohort()));
  }

  /**
   * Who registers and enrols: the user themself when their grants allow it, else — a trainer of
   * this very cohort adding by hand what the platform's roster service would have added — the user
   * acting as the roster sync does, with enrolment rights on this school only.
   */
  private Actor enrollingActor(CohortContext c) {
    if (tremplin
        .access()
        .allows(
            c.actor(),
            Operation.ENROLMENT_WRITE,
            new org.tremplin.api.access.Target.OfSchool(c.cohort().school()))) {
      return c.actor();
    }
    return new Actor(
        c.actor().id(), List.of(new Grant(Role.MANAGER, new Scope.OfSchool(c.cohort().school()))));
  }

  /** Whether an actor is a trainer of exactly this cohort (or of its whole school). */
  private record Target(Cohort cohort) {
    boolean trainer(Actor actor) {
      for (Grant g : actor.grants()) {
        if (g.role() != Role.TRAINER) {
          continue;
        }
        if (g.scope() instanceof Scope.OfCohort oc && oc.cohort().equals(cohort.id())) {
          return true;
        }
        if (g.scope() instanceof Scope.OfSchool os && os.school().equals(cohort.school())) {
          return true;
        }
      }
      return false;
    }
  }

  private Response addLearnerPage(
      CohortContext c, int status, Map<String, String> values, Map<String, String> errors) {
    CohortPages.Frame frame = withErrors(c, pages.frame(c, "/learners/new", "add.title"), errors);
    Texts t = frame.t();
    return CohortResource.html(
        status,
        Templates.web()
            .render(
                "cohort/add.jte",
                new AddPage(
                    frame,
                    mayEnrol(c),
                    pages.action(c, "/learners"),
                    guard.fields(c.request()),
                    summary(t, errors),
                    errors,
                    values,
                    c.cohort().range().first().toString(),
                    c.cohort().range().last().toString())));
  }

  // ---------------------------------------------------------------- shared

  /**
   * A refused form's frame: its title says "Erreur :" first, and the page's script moves the focus
   * to the error summary.
   */
  private CohortPages.Frame withErrors(
      CohortContext c, CohortPages.Frame frame, Map<String, String> errors) {
    if (errors.isEmpty()) {
      return frame;
    }
    Layout l = frame.layout();
    String prefix = FormErrors.in(c.request().session().locale()).add("form", "").titlePrefix();
    Layout layout =
        new Layout(l.lang(), prefix + l.title(), l.site(), l.stylesheet(), l.skip(), l.scripts())
            .withScript(pages.root() + Scripts.href("form-errors.js"));
    return new CohortPages.Frame(
        layout, frame.t(), frame.title(), frame.cohort(), frame.nav(), frame.token());
  }

  private static List<FieldError> summary(Texts t, Map<String, String> errors) {
    List<FieldError> summary = new ArrayList<>();
    errors.forEach((field, message) -> summary.add(new FieldError(anchor(field), message)));
    return summary;
  }

  /** The element an error of a field links to (its first control). */
  private static String anchor(String field) {
    return switch (field) {
      case "learner" -> "learners";
      case "source" -> "source-" + SOURCES.get(0).name();
      case "result" -> "result-" + RESULTS.get(0).name();
      case "form" -> "main";
      default -> field;
    };
  }

  private static Optional<EvidenceTarget> target(CertificationVersion version, String code) {
    if (code.isEmpty()) {
      return Optional.empty();
    }
    Optional<Competency> competency = version.competency(code);
    if (competency.isPresent()) {
      return Optional.of(new EvidenceTarget.OnCompetency(code));
    }
    return version
        .competencyOfCriterion(code)
        .map(c -> new EvidenceTarget.OnCriterion(c.code(), code));
  }

  private static Optional<LearnerId> parseLearner(String value) {
    try {
      return Optional.of(new LearnerId(java.util.UUID.fromString(value.strip())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> parseDate(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A choice: element id, value, label, whether chosen. */
  record Option(String id, String value, String label, boolean chosen) {}

  /** A group of choices. */
  record Group(String label, List<Option> options) {}

  /** An entry of the error summary: the element it links to, the message. */
  record FieldError(String anchor, String message) {}

  /** The assessment form. */
  record AssessPage(
      CohortPages.Frame frame,
      String action,
      HiddenFields hidden,
      List<FieldError> summary,
      Map<String, String> errors,
      List<Option> learners,
      List<Group> targets,
      Map<String, String> values,
      String max,
      List<Option> sources,
      List<Option> results,
      String recorded,
      String gridHref) {
    String error(String field) {
      return errors.getOrDefault(field, "");
    }

    String value(String field) {
      return values.getOrDefault(field, "");
    }
  }

  /** The add-a-learner form; {@code allowed} is false when the session may not add. */
  record AddPage(
      CohortPages.Frame frame,
      boolean allowed,
      String action,
      HiddenFields hidden,
      List<FieldError> summary,
      Map<String, String> errors,
      Map<String, String> values,
      String min,
      String max) {
    String error(String field) {
      return errors.getOrDefault(field, "");
    }

    String value(String field) {
      return values.getOrDefault(field, "");
    }
  }
}
