package org.tremplin.web.school;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.funder.CertificationOutcome;
import org.tremplin.api.funder.CertificationResult;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.web.form.Field;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormGuard.Submitted;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.NavLink;
import org.tremplin.web.page.Texts;

/**
 * The manager's funder-facts pages (issue 14, item 1): the school's learners with what is declared
 * about them, and for one learner the facts declared at entry and the certification result, each
 * with the form declaring or correcting it. A correction appends a version (the engine's {@link
 * org.tremplin.api.funder.FunderFactsService} keeps who and when); every read and write goes
 * through the engine as the session's actor, which checks role and scope. Thread-safe.
 */
final class FunderFactsForms {
  /** Youngest age at the declaration a birth date may give (learners are employees). */
  private static final int MIN_AGE = 15;

  /** Oldest age at the declaration a birth date may give (a typing error beyond). */
  private static final int MAX_AGE = 99;

  private final Tremplin tremplin;
  private final FormGuard guard;
  private final Clock clock;

  FunderFactsForms(Tremplin tremplin, FormGuard guard, Clock clock) {
    this.tremplin = tremplin;
    this.guard = guard;
    this.clock = clock;
  }

  /** A line of a summary list. */
  record Line(String id, String term, String value) {}

  /** A checkbox or radio button of a group (the first carries the field's id). */
  record Choice(String id, String value, String label, boolean checked) {}

  /** A yes/no question about the learner at entry. */
  record Question(Field field, String legend, List<Choice> choices) {}

  /** The school's learners and what is declared about them. */
  record ListPage(Layout layout, Texts t, List<NavLink> nav, Table table) {}

  /** One learner's facts and certification result, with their forms. */
  record FactsPage(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      FormErrors errors,
      String title,
      String cohortName,
      String notice,
      List<Line> facts,
      List<Line> certification,
      HiddenFields factsHidden,
      String factsAction,
      Field declaredOn,
      Field sex,
      List<Choice> sexes,
      Field birthDate,
      Field diplomaLevel,
      List<SchoolForms.Option> levels,
      List<Question> questions,
      HiddenFields certificationHidden,
      String certificationAction,
      Field sessionOn,
      Field outcome,
      List<Choice> outcomes,
      Field blocks,
      List<Choice> blockChoices,
      String back,
      String privacyHref) {}

  /** A learner of the school with the cohort that names the access scope. */
  record Found(Cohort cohort, Learner learner, LocalDate joined) {}

  // ---------------------------------------------------------------- the list

  Response list(Who w) {
    Texts t = w.t();
    List<Table.Row> rows = new ArrayList<>();
    List<Found> found = all(w);
    // two reads per cohort, not two per learner (a school has hundreds)
    Map<CohortId, Map<LearnerId, FunderFacts>> factsByCohort = new HashMap<>();
    Map<CohortId, Map<LearnerId, CertificationResult>> resultsByCohort = new HashMap<>();
    for (Found f : found) {
      CohortId c = f.cohort().id();
      factsByCohort.computeIfAbsent(c, k -> tremplin.funderFacts().factsOfCohort(w.actor(), k));
      resultsByCohort.computeIfAbsent(
          c, k -> tremplin.funderFacts().certificationsOfCohort(w.actor(), k));
    }
    for (Found f : found) {
      LearnerId id = f.learner().id();
      CohortId c = f.cohort().id();
      String facts =
          Optional.ofNullable(factsByCohort.get(c).get(id))
              .map(x -> t.get("school.facts.list.on", t.date(x.declaredOn())))
              .orElse(t.get("school.facts.list.none"));
      String result =
          Optional.ofNullable(resultsByCohort.get(c).get(id))
              .map(r -> outcomeText(t, r))
              .orElse("—");
      rows.add(
          new Table.Row(
              "learner-" + id.value(),
              List.of(
                  new Table.Cell(f.learner().displayName(), factsPage(w, id)),
                  Table.Cell.of(f.cohort().name()),
                  Table.Cell.of(facts),
                  Table.Cell.of(result),
                  new Table.Cell(
                      t.get("school.facts.list.privacy.link"),
                      w.page(PrivacyPages.privacyPath(id)),
                      t.get("school.facts.list.privacy.of", f.learner().displayName())))));
    }
    Table table =
        new Table(
            "funder-learners",
            t.get("school.facts.list.caption"),
            List.of(
                t.get("school.col.learner"),
                t.get("school.col.cohort"),
                t.get("school.facts.list.declared"),
                t.get("school.facts.list.certification"),
                t.get("school.facts.list.privacy")),
            rows,
            "");
    return SchoolPages.render(
        200,
        "school/funder.jte",
        new ListPage(
            SchoolPages.layout(w, t.get("school.facts.list.title")),
            t,
            SchoolPages.nav(w, "funder"),
            table));
  }

  // ---------------------------------------------------------------- one learner

  /** The learner, when the school has them: the cohort they joined last. */
  Optional<Found> find(Who w, LearnerId learner) {
    return all(w).stream().filter(f -> f.learner().id().equals(learner)).findFirst();
  }

  Response page(
      Who w, Found f, FormErrors errors, MultivaluedMap<String, String> form, String saved, int s) {
    Texts t = w.t();
    LearnerId id = f.learner().id();
    Optional<FunderFacts> current = tremplin.funderFacts().facts(w.actor(), f.cohort().id(), id);
    Optional<CertificationResult> result =
        tremplin.funderFacts().certification(w.actor(), f.cohort().id(), id);

    List<Line> facts = new ArrayList<>();
    current.ifPresent(
        x -> {
          facts.add(
              new Line("fact-declared", t.get("school.facts.declaredOn"), t.date(x.declaredOn())));
          facts.add(
              new Line(
                  "fact-sex", t.get("school.facts.sex"), t.get("school.facts.sex." + x.sex())));
          facts.add(
              new Line(
                  "fact-birth",
                  t.get("school.facts.birthDate"),
                  t.get(
                      "school.facts.birthDate.value",
                      t.date(x.birthDate()),
                      x.ageOn(x.declaredOn()))));
          facts.add(
              new Line(
                  "fact-level",
                  t.get("school.facts.diplomaLevel"),
                  t.get("school.facts.level." + x.diplomaLevel().level())));
          facts.add(new Line("fact-qpv", t.get("school.facts.qpv"), yes(t, x.qpvResident())));
          facts.add(new Line("fact-neet", t.get("school.facts.neet"), yes(t, x.neetAtEntry())));
          facts.add(
              new Line(
                  "fact-jobseeker",
                  t.get("school.facts.jobseeker"),
                  yes(t, x.jobseekerRegistered())));
        });
    List<Line> certification = new ArrayList<>();
    result.ifPresent(
        r -> {
          certification.add(
              new Line("result-session", t.get("school.facts.sessionOn"), t.date(r.sessionOn())));
          certification.add(
              new Line("result-outcome", t.get("school.facts.outcome"), outcomeText(t, r)));
        });

    List<Choice> sexes = new ArrayList<>();
    Field sex =
        errors.field(
            "sex",
            form.getFirst("sex"),
            current.map(x -> x.sex().name()).orElse(DeclaredSex.NOT_DECLARED.name()));
    for (DeclaredSex d : DeclaredSex.values()) {
      sexes.add(
          new Choice(
              sexes.isEmpty() ? "sex" : "sex-" + d.name(),
              d.name(),
              t.get("school.facts.sex." + d.name()),
              sex.is(d.name())));
    }
    List<SchoolForms.Option> levels = new ArrayList<>();
    if (current.isEmpty()) {
      levels.add(new SchoolForms.Option("", t.get("school.facts.level.choose")));
    }
    for (DiplomaLevel l : DiplomaLevel.values()) {
      levels.add(
          new SchoolForms.Option(
              String.valueOf(l.level()), t.get("school.facts.level." + l.level())));
    }
    List<Question> questions = new ArrayList<>();
    for (String q : List.of("qpv", "neet", "jobseeker")) {
      // nothing pre-selected before a first declaration: each answer is given, not assumed
      String now =
          current
              .map(
                  x ->
                      switch (q) {
                        case "qpv" -> x.qpvResident();
                        case "neet" -> x.neetAtEntry();
                        default -> x.jobseekerRegistered();
                      })
              .map(String::valueOf)
              .orElse("");
      Field field = errors.field(q, form.getFirst(q), now);
      questions.add(
          new Question(
              field,
              t.get("school.facts." + q),
              List.of(
                  new Choice(q, "true", t.get("school.facts.yes"), field.is("true")),
                  new Choice(q + "-no", "false", t.get("school.facts.no"), field.is("false")))));
    }

    Field outcome =
        errors.field(
            "outcome", form.getFirst("outcome"), result.map(r -> r.outcome().name()).orElse(""));
    List<Choice> outcomes = new ArrayList<>();
    for (CertificationOutcome o : CertificationOutcome.values()) {
      outcomes.add(
          new Choice(
              outcomes.isEmpty() ? "outcome" : "outcome-" + o.name(),
              o.name(),
              t.get("school.facts.outcome." + o.name()),
              outcome.is(o.name())));
    }
    boolean postedCertification = form.containsKey("outcome") || form.containsKey("sessionOn");
    Set<String> checked =
        new TreeSet<>(
            postedCertification
                ? Optional.ofNullable(form.get("blocks")).orElse(List.of())
                : result.map(CertificationResult::blocksObtained).orElse(List.of()));
    List<Choice> blockChoices = new ArrayList<>();
    for (SchoolForms.Option b : blocks(w, f, result)) {
      blockChoices.add(
          new Choice(
              blockChoices.isEmpty() ? "blocks" : "blocks-" + b.value(),
              b.value(),
              b.label(),
              checked.contains(b.value())));
    }

    String title = t.get("school.facts.title", f.learner().displayName());
    String action = "app/school/learners/" + id.value();
    return SchoolPages.render(
        s,
        "school/facts.jte",
        new FactsPage(
            SchoolPages.layout(w, errors.titlePrefix() + title),
            t,
            SchoolPages.nav(w, "funder"),
            errors,
            title,
            t.get("school.facts.cohort", f.cohort().name(), t.date(f.joined())),
            switch (saved) {
              case "facts" -> t.get("school.facts.saved.facts");
              case "certification" -> t.get("school.facts.saved.certification");
              default -> "";
            },
            facts,
            certification,
            guard.fields(w.request()),
            w.root() + action + "/facts?school=" + w.school().value(),
            errors.field(
                "declaredOn",
                form.getFirst("declaredOn"),
                current.map(x -> x.declaredOn()).orElse(f.joined()).toString()),
            sex,
            sexes,
            errors.field(
                "birthDate",
                form.getFirst("birthDate"),
                current.map(x -> x.birthDate().toString()).orElse("")),
            errors.field(
                "diplomaLevel",
                form.getFirst("diplomaLevel"),
                current.map(x -> String.valueOf(x.diplomaLevel().level())).orElse("")),
            levels,
            questions,
            guard.fields(w.request()),
            w.root() + action + "/certification?school=" + w.school().value(),
            errors.field(
                "sessionOn",
                form.getFirst("sessionOn"),
                result.map(r -> r.sessionOn().toString()).orElse("")),
            outcome,
            outcomes,
            errors.field("blocks", null, ""),
            blockChoices,
            w.page("app/school/funder"),
            w.page(PrivacyPages.privacyPath(id))));
  }

  Submitted declare(Who w, Found f, MultivaluedMap<String, String> form) {
    Texts t = w.t();
    FormErrors errors = FormErrors.in(t.locale());
    LocalDate today = LocalDate.now(clock);
    Optional<LocalDate> declaredOn = SchoolForms.date(SchoolForms.text(form, "declaredOn"));
    if (declaredOn.isEmpty() || declaredOn.get().isAfter(today)) {
      errors.add("declaredOn", t.get("school.facts.error.declaredOn"));
    }
    Optional<DeclaredSex> sex = constant(DeclaredSex.class, SchoolForms.text(form, "sex"));
    if (sex.isEmpty()) {
      errors.add("sex", t.get("school.facts.error.sex"));
    }
    Optional<LocalDate> birth = SchoolForms.date(SchoolForms.text(form, "birthDate"));
    if (birth.isEmpty()) {
      errors.add("birthDate", t.get("school.facts.error.birthDate"));
    } else if (declaredOn.isPresent()) {
      int age = Period.between(birth.get(), declaredOn.get()).getYears();
      if (!birth.get().isBefore(declaredOn.get()) || age < MIN_AGE || age > MAX_AGE) {
        errors.add("birthDate", t.get("school.facts.error.age", MIN_AGE, MAX_AGE));
      }
    }
    Optional<DiplomaLevel> level = Optional.empty();
    try {
      level =
          Optional.of(DiplomaLevel.of(Integer.parseInt(SchoolForms.text(form, "diplomaLevel"))));
    } catch (NumberFormatException | TremplinException e) {
      errors.add("diplomaLevel", t.get("school.facts.error.diplomaLevel"));
    }
    List<Boolean> answers = new ArrayList<>();
    for (String q : List.of("qpv", "neet", "jobseeker")) {
      String v = SchoolForms.text(form, q);
      if (!v.equals("true") && !v.equals("false")) {
        errors.add(q, t.get("school.facts.error.yesNo"));
      }
      answers.add(v.equals("true"));
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(page(w, f, errors, form, "", 400));
    }
    try {
      tremplin
          .funderFacts()
          .declare(
              w.actor(),
              f.cohort().id(),
              f.learner().id(),
              new FunderFacts(
                  declaredOn.get(),
                  sex.get(),
                  birth.get(),
                  level.get(),
                  answers.get(0),
                  answers.get(1),
                  answers.get(2)));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return Submitted.refused(SchoolPages.forbidden(t.locale(), w.root()));
      }
      errors.add("declaredOn", t.get("school.form.refused", e.code().name()));
      return Submitted.refused(page(w, f, errors, form, "", 400));
    }
    return Submitted.done(URI.create(factsPage(w, f.learner().id(), "facts") + "#saved"));
  }

  Submitted recordCertification(Who w, Found f, MultivaluedMap<String, String> form) {
    Texts t = w.t();
    FormErrors errors = FormErrors.in(t.locale());
    Optional<LocalDate> sessionOn = SchoolForms.date(SchoolForms.text(form, "sessionOn"));
    if (sessionOn.isEmpty() || sessionOn.get().isAfter(LocalDate.now(clock))) {
      errors.add("sessionOn", t.get("school.facts.error.sessionOn"));
    }
    Optional<CertificationOutcome> outcome =
        constant(CertificationOutcome.class, SchoolForms.text(form, "outcome"));
    if (outcome.isEmpty()) {
      errors.add("outcome", t.get("school.facts.error.outcome"));
    }
    List<String> known =
        blocks(w, f, Optional.empty()).stream().map(SchoolForms.Option::value).toList();
    List<String> blocks =
        Optional.ofNullable(form.get("blocks")).orElse(List.of()).stream()
            .map(String::strip)
            .distinct()
            .toList();
    if (!known.containsAll(blocks)) {
      errors.add("blocks", t.get("school.facts.error.blocks.unknown"));
    } else if (outcome.isPresent()) {
      if (outcome.get() == CertificationOutcome.PARTIAL && blocks.isEmpty()) {
        errors.add("blocks", t.get("school.facts.error.blocks.partial"));
      } else if (outcome.get() != CertificationOutcome.PARTIAL && !blocks.isEmpty()) {
        errors.add("blocks", t.get("school.facts.error.blocks.other"));
      }
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(page(w, f, errors, form, "", 400));
    }
    try {
      tremplin
          .funderFacts()
          .recordCertification(
              w.actor(),
              f.cohort().id(),
              f.learner().id(),
              new CertificationResult(sessionOn.get(), outcome.get(), blocks));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return Submitted.refused(SchoolPages.forbidden(t.locale(), w.root()));
      }
      errors.add("outcome", t.get("school.form.refused", e.code().name()));
      return Submitted.refused(page(w, f, errors, form, "", 400));
    }
    return Submitted.done(URI.create(factsPage(w, f.learner().id(), "certification") + "#saved"));
  }

  static MultivaluedMap<String, String> none() {
    return new MultivaluedHashMap<>();
  }

  // ---------------------------------------------------------------- helpers

  /** Every learner who joined a cohort of the school, newest cohorts first, each once. */
  private List<Found> all(Who w) {
    List<Cohort> cohorts =
        tremplin.cohorts().bySchool(w.actor(), w.school()).stream()
            .sorted(
                Comparator.comparing((Cohort c) -> c.range().first())
                    .reversed()
                    .thenComparing(Cohort::name))
            .toList();
    List<Found> found = new ArrayList<>();
    Set<LearnerId> seen = new HashSet<>();
    for (Cohort c : cohorts) {
      Map<LearnerId, LocalDate> joined = new HashMap<>();
      for (Enrolment e : tremplin.learners().enrolments(w.actor(), c.id())) {
        if (!e.history().isEmpty()) {
          joined.put(e.learner(), e.history().get(0).date());
        }
      }
      for (Learner l : tremplin.learners().learners(w.actor(), c.id())) {
        if (joined.containsKey(l.id()) && seen.add(l.id())) {
          found.add(new Found(c, l, joined.get(l.id())));
        }
      }
    }
    return found;
  }

  /** The blocks of the cohort's certification, then those of the current result not among them. */
  private List<SchoolForms.Option> blocks(Who w, Found f, Optional<CertificationResult> result) {
    List<SchoolForms.Option> options = new ArrayList<>();
    try {
      var certification =
          tremplin
              .certifications()
              .version(tremplin.templates().get(f.cohort().template()).certification());
      for (CompetencyBlock b : certification.blocks()) {
        options.add(
            new SchoolForms.Option(b.code(), b.code() + " — " + b.title().in(w.t().locale())));
      }
    } catch (TremplinException e) {
      // a template or certification gone: only the blocks already recorded are offered
    }
    result.ifPresent(
        r ->
            r.blocksObtained().stream()
                .filter(code -> options.stream().noneMatch(o -> o.value().equals(code)))
                .forEach(code -> options.add(new SchoolForms.Option(code, code))));
    return options;
  }

  private static String outcomeText(Texts t, CertificationResult r) {
    String outcome = t.get("school.facts.outcome." + r.outcome().name());
    return r.blocksObtained().isEmpty()
        ? outcome
        : outcome + " (" + String.join(", ", r.blocksObtained()) + ")";
  }

  private static String yes(Texts t, boolean value) {
    return t.get(value ? "school.facts.yes" : "school.facts.no");
  }

  private static String factsPage(Who w, LearnerId learner) {
    return w.page("app/school/learners/" + learner.value() + "/facts");
  }

  private static String factsPage(Who w, LearnerId learner, String saved) {
    return w.page("app/school/learners/" + learner.value() + "/facts?saved=" + saved);
  }

  private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(Enum.valueOf(type, text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
