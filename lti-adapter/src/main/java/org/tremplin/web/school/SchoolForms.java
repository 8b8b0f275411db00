package org.tremplin.web.school;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.alert.RiskThresholds;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
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
 * The manager's forms: open a cohort, add and enrol a learner, assign a referent coach, set the
 * school's alert thresholds. Each validates what was posted (errors in the summary and next to each
 * field, values kept), writes through the engine as the session's actor inside {@link
 * FormGuard#once} (one transaction with the submission: a refusal writes nothing) and sends the
 * browser to the page showing the result. Thread-safe.
 */
final class SchoolForms {
  private static final int MAX_NAME = 100;
  private static final int MAX_COHORT_NAME = 200;
  private static final int MAX_COACH = 200;
  private static final Pattern PERSON_ID =
      Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

  private final Tremplin tremplin;
  private final FormGuard guard;
  private final Clock clock;
  private final KnownCoaches knownCoaches;

  SchoolForms(Tremplin tremplin, FormGuard guard, Clock clock) {
    this.tremplin = tremplin;
    this.guard = guard;
    this.clock = clock;
    this.knownCoaches = new KnownCoaches(tremplin, clock);
  }

  /** An option of a select. */
  record Option(String value, String label) {}

  /** A number field with its label and bounds. */
  record NumberField(Field field, String label, String min, String max, String step) {}

  /** The form opening a cohort. */
  record CohortForm(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      FormErrors errors,
      HiddenFields hidden,
      String action,
      Field name,
      Field start,
      Field end,
      Field template,
      Field capacity,
      Field closures,
      List<Option> templates) {}

  /** The form adding a learner. */
  record LearnerForm(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      FormErrors errors,
      HiddenFields hidden,
      String action,
      Field givenName,
      Field familyName,
      Field cohort,
      Field date,
      List<Option> cohorts) {}

  /** The referents page and its form. */
  record ReferentForm(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      FormErrors errors,
      HiddenFields hidden,
      String action,
      String notice,
      Table table,
      Field learner,
      Field coach,
      Field since,
      List<Option> learners,
      List<Option> coaches,
      boolean nameless) {}

  /** The thresholds form. */
  record ThresholdsForm(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      FormErrors errors,
      HiddenFields hidden,
      String action,
      String notice,
      List<NumberField> fields) {}

  boolean may(Who w, Operation operation) {
    return tremplin.access().allows(w.actor(), operation, new Target.OfSchool(w.school()));
  }

  private String action(Who w, String path) {
    return w.root() + path + "?school=" + w.school().value();
  }

  // ---------------------------------------------------------------- open a cohort

  Response cohortForm(Who w, FormErrors errors, MultivaluedMap<String, String> form, int status) {
    Texts t = w.t();
    List<Option> templates =
        tremplin.templates().list().stream()
            .map(r -> new Option(r.toString(), tremplin.templates().get(r).name() + " (" + r + ")"))
            .toList();
    String defaultTemplate = templates.isEmpty() ? "" : templates.get(templates.size() - 1).value();
    return SchoolPages.render(
        status,
        "school/cohort.jte",
        new CohortForm(
            SchoolPages.layout(w, errors.titlePrefix() + t.get("school.cohort.title")),
            t,
            SchoolPages.nav(w, "cohort"),
            errors,
            guard.fields(w.request()),
            action(w, "app/school/cohorts"),
            errors.field("name", form.getFirst("name"), ""),
            errors.field("start", form.getFirst("start"), ""),
            errors.field("end", form.getFirst("end"), ""),
            errors.field("template", form.getFirst("template"), defaultTemplate),
            errors.field("capacity", form.getFirst("capacity"), "12"),
            errors.field("closures", form.getFirst("closures"), ""),
            templates));
  }

  Submitted openCohort(Who w, MultivaluedMap<String, String> form) {
    Texts t = w.t();
    FormErrors errors = FormErrors.in(t.locale());
    String name = text(form, "name");
    if (name.isEmpty() || name.length() > MAX_COHORT_NAME) {
      errors.add("name", t.get("school.cohort.error.name"));
    }
    Optional<LocalDate> start = date(text(form, "start"));
    if (start.isEmpty()) {
      errors.add("start", t.get("school.cohort.error.start"));
    }
    String endText = text(form, "end");
    Optional<LocalDate> end = endText.isEmpty() ? Optional.empty() : date(endText);
    if (!endText.isEmpty()
        && (end.isEmpty() || (start.isPresent() && end.get().isBefore(start.get())))) {
      errors.add("end", t.get("school.cohort.error.end"));
    }
    Optional<TemplateRef> template =
        tremplin.templates().list().stream()
            .filter(r -> r.toString().equals(text(form, "template")))
            .findFirst();
    if (template.isEmpty()) {
      errors.add("template", t.get("school.cohort.error.template"));
    }
    int capacity = integer(text(form, "capacity")).orElse(-1);
    if (capacity < 1 || capacity > Cohort.MAX_CAPACITY) {
      errors.add("capacity", t.get("school.cohort.error.capacity"));
    }
    List<DateRange> closures = new ArrayList<>();
    for (String line : text(form, "closures").split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        closures.add(DateRange.parse(line.strip()));
      } catch (RuntimeException e) {
        errors.add("closures", t.get("school.cohort.error.closures"));
      }
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(cohortForm(w, errors, form, 400));
    }
    Cohort cohort;
    try {
      LocalDate last =
          end.isPresent()
              ? end.get()
              : tremplin
                  .calendars()
                  .programmeEnd(
                      start.get(),
                      tremplin.schools().get(w.school()).departement(),
                      closures,
                      tremplin.templates().get(template.get()));
      cohort =
          tremplin
              .cohorts()
              .open(
                  w.actor(),
                  new NewCohort(
                      w.school(),
                      name,
                      new DateRange(start.get(), last),
                      template.get(),
                      capacity,
                      closures));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return Submitted.refused(SchoolPages.forbidden(t.locale(), w.root()));
      }
      errors.add("end", t.get("school.cohort.error.calendar", e.getMessage()));
      return Submitted.refused(cohortForm(w, errors, form, 400));
    }
    return Submitted.done(URI.create(w.page("app/school") + "#cohort-" + cohort.id().value()));
  }

  // ---------------------------------------------------------------- add a learner

  private List<Cohort> openCohorts(Who w) {
    LocalDate today = LocalDate.now(clock);
    return tremplin.cohorts().bySchool(w.actor(), w.school()).stream()
        .filter(c -> !c.range().last().isBefore(today))
        .sorted(Comparator.comparing((Cohort c) -> c.range().first()).thenComparing(Cohort::name))
        .toList();
  }

  Response learnerForm(Who w, FormErrors errors, MultivaluedMap<String, String> form, int status) {
    Texts t = w.t();
    List<Option> cohorts = new ArrayList<>();
    for (Cohort c : openCohorts(w)) {
      long enrolled =
          tremplin.learners().enrolments(w.actor(), c.id()).stream()
              .filter(e -> e.enrolledOn(LocalDate.now(clock), c.range().last()))
              .count();
      cohorts.add(
          new Option(
              c.id().value().toString(),
              t.get("school.learner.places", c.name(), Math.max(0, c.capacity() - enrolled))));
    }
    return SchoolPages.render(
        status,
        "school/learner.jte",
        new LearnerForm(
            SchoolPages.layout(w, errors.titlePrefix() + t.get("school.learner.title")),
            t,
            SchoolPages.nav(w, "learner"),
            errors,
            guard.fields(w.request()),
            action(w, "app/school/learners"),
            errors.field("givenName", form.getFirst("givenName"), ""),
            errors.field("familyName", form.getFirst("familyName"), ""),
            errors.field(
                "cohort", form.getFirst("cohort"), cohorts.isEmpty() ? "" : cohorts.get(0).value()),
            errors.field("date", form.getFirst("date"), LocalDate.now(clock).toString()),
            cohorts));
  }

  Submitted addLearner(Who w, MultivaluedMap<String, String> form) {
    Texts t = w.t();
    FormErrors errors = FormErrors.in(t.locale());
    for (String field : List.of("givenName", "familyName")) {
      String value = text(form, field);
      if (value.isEmpty() || value.length() > MAX_NAME) {
        errors.add(field, t.get("school.learner.error." + field));
      }
    }
    Optional<Cohort> cohort =
        uuid(text(form, "cohort"))
            .flatMap(
                id ->
                    openCohorts(w).stream()
                        .filter(c -> c.id().equals(new CohortId(id)))
                        .findFirst());
    if (cohort.isEmpty()) {
      errors.add("cohort", t.get("school.learner.error.cohort"));
    }
    Optional<LocalDate> date = date(text(form, "date"));
    if (date.isEmpty() || (cohort.isPresent() && !cohort.get().range().contains(date.get()))) {
      errors.add("date", t.get("school.learner.error.date"));
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(learnerForm(w, errors, form, 400));
    }
    Learner learner;
    try {
      learner =
          tremplin
              .learners()
              .register(w.actor(), w.school(), text(form, "givenName"), text(form, "familyName"));
      tremplin.learners().join(w.actor(), cohort.get().id(), learner.id(), date.get());
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return Submitted.refused(SchoolPages.forbidden(t.locale(), w.root()));
      }
      if (e.code() == ErrorCode.COHORT_FULL) {
        errors.add("cohort", t.get("school.learner.error.full"));
        return Submitted.refused(learnerForm(w, errors, form, 409));
      }
      errors.add("givenName", t.get("school.form.refused", e.code().name()));
      return Submitted.refused(learnerForm(w, errors, form, 400));
    }
    return Submitted.done(
        URI.create(
            w.page("app/school/cohorts/" + cohort.get().id().value() + "/enrolled")
                + "#learner-"
                + learner.id().value()));
  }

  // ---------------------------------------------------------------- referents

  /** The school's learners enrolled today in its open cohorts, by name. */
  private List<Option> learners(Who w) {
    LocalDate today = LocalDate.now(clock);
    List<Option> options = new ArrayList<>();
    for (Cohort c : openCohorts(w)) {
      Set<LearnerId> enrolled = new java.util.HashSet<>();
      tremplin.learners().enrolments(w.actor(), c.id()).stream()
          .filter(e -> e.enrolledOn(today, c.range().last()))
          .forEach(e -> enrolled.add(e.learner()));
      for (Learner l : tremplin.learners().learners(w.actor(), c.id())) {
        if (enrolled.contains(l.id())) {
          options.add(new Option(l.id().value().toString(), l.displayName() + " — " + c.name()));
        }
      }
    }
    return options;
  }

  Response referentForm(Who w, FormErrors errors, MultivaluedMap<String, String> form, int status) {
    return referentForm(w, errors, form, "", status);
  }

  /**
   * The referents page; {@code assigned} names the learner whose referent was just assigned (the
   * confirmation says who follows them now), empty otherwise.
   */
  Response referentForm(
      Who w, FormErrors errors, MultivaluedMap<String, String> form, String assigned, int status) {
    Texts t = w.t();
    List<Option> learners = learners(w);
    List<Table.Row> rows = new ArrayList<>();
    Set<String> coachIds = new LinkedHashSet<>();
    List<String[]> lines = new ArrayList<>();
    for (Option o : learners) {
      LearnerId id = new LearnerId(UUID.fromString(o.value()));
      String coach = tremplin.referents().referentOf(w.actor(), id).orElse("");
      if (!coach.isEmpty()) {
        coachIds.add(coach);
      }
      lines.add(new String[] {o.value(), o.label(), coach});
    }
    Map<String, String> names = guard.names(coachIds);
    Map<String, String> known = knownCoaches.of(w.school());
    String notice = "";
    for (String[] line : lines) {
      String coach =
          line[2].isEmpty() ? t.get("school.referent.none") : coachLabel(t, line[2], names, known);
      if (line[0].equals(assigned) && !line[2].isEmpty()) {
        String learnerName = line[1].split(" — ", 2)[0];
        Optional<String> name = coachName(line[2], names, known);
        notice =
            name.isPresent()
                ? t.get("school.referent.assigned", name.get(), learnerName)
                : !isPersonId(line[2])
                    ? t.get("school.referent.assigned.unseen", line[2], learnerName)
                    : known.containsKey(line[2])
                        ? t.get(
                            "school.referent.assigned.nameless", learnerName, reference(line[2]))
                        : t.get(
                            "school.referent.assigned.unnamed", learnerName, reference(line[2]));
      }
      rows.add(
          new Table.Row(
              "learner-" + line[0],
              List.of(
                  new Table.Cell(line[1], w.learnerHref(new LearnerId(UUID.fromString(line[0])))),
                  Table.Cell.of(coach))));
    }
    Table table =
        new Table(
            "referents",
            t.get("school.referent.caption"),
            List.of(t.get("school.referent.learner"), t.get("school.referent.current")),
            rows,
            "");
    // the school's coaches by name (those who opened Tremplin), then current referents not among
    // them; the first option asks for a choice
    Map<String, String> offered = new java.util.LinkedHashMap<>();
    known.keySet().forEach(id -> offered.put(id, coachLabel(t, id, names, known)));
    coachIds.forEach(id -> offered.putIfAbsent(id, coachLabel(t, id, names, known)));
    List<Option> coaches = new ArrayList<>();
    if (!offered.isEmpty()) {
      coaches.add(new Option("", t.get("school.referent.coach.choose")));
      offered.forEach((id, name) -> coaches.add(new Option(id, name)));
    }
    return SchoolPages.render(
        status,
        "school/referents.jte",
        new ReferentForm(
            SchoolPages.layout(w, errors.titlePrefix() + t.get("school.referent.title")),
            t,
            SchoolPages.nav(w, "referents"),
            errors,
            guard.fields(w.request()),
            action(w, "app/school/referents"),
            notice,
            table,
            errors.field(
                "learner",
                form.getFirst("learner"),
                learners.isEmpty() ? "" : learners.get(0).value()),
            errors.field("coach", form.getFirst("coach"), ""),
            errors.field("since", form.getFirst("since"), LocalDate.now(clock).toString()),
            learners,
            coaches,
            known.keySet().stream().anyMatch(id -> coachName(id, names, known).isEmpty())));
  }

  /**
   * The name a referent coach had when they last opened Tremplin or wrote through a form; empty for
   * a coach who never did (the manager typed their identifier).
   */
  private static Optional<String> coachName(
      String coach, Map<String, String> names, Map<String, String> known) {
    String name = names.get(coach);
    if (name == null || name.isBlank() || name.equals(coach)) {
      name = known.get(coach);
    }
    return name == null || name.isBlank() || name.equals(coach)
        ? Optional.empty()
        : Optional.of(name);
  }

  /**
   * How the page names a referent coach: their name when known, otherwise what the manager entered,
   * said to be not yet signed in; never a bare person id (a UUID means nothing to a manager).
   */
  private static String coachLabel(
      Texts t, String coach, Map<String, String> names, Map<String, String> known) {
    return coachName(coach, names, known)
        .orElseGet(
            () ->
                !isPersonId(coach)
                    ? t.get("school.referent.unseen", coach)
                    : known.containsKey(coach)
                        ? t.get("school.referent.nameless", reference(coach))
                        : t.get("school.referent.unnamed", reference(coach)));
  }

  /**
   * A short, stable reference telling apart coaches known by no name (the first six digits of their
   * person id, upper case): a manager sees two nameless coaches as two, never the whole id.
   */
  static String reference(String personId) {
    return personId.replace("-", "").substring(0, 6).toUpperCase(java.util.Locale.ROOT);
  }

  private static boolean isPersonId(String coach) {
    return PERSON_ID.matcher(coach).matches();
  }

  Submitted assignReferent(Who w, MultivaluedMap<String, String> form) {
    Texts t = w.t();
    FormErrors errors = FormErrors.in(t.locale());
    String learnerText = text(form, "learner");
    Optional<LearnerId> learner =
        learners(w).stream()
            .filter(o -> o.value().equals(learnerText))
            .findFirst()
            .map(o -> new LearnerId(UUID.fromString(o.value())));
    if (learner.isEmpty()) {
      errors.add("learner", t.get("school.referent.error.learner"));
    }
    String coach = text(form, "coach");
    if (coach.isEmpty() || coach.length() > MAX_COACH) {
      errors.add(
          "coach",
          t.get(
              knownCoaches.of(w.school()).isEmpty()
                  ? "school.referent.error.coach"
                  : "school.referent.error.coach.pick"));
    }
    Optional<LocalDate> since = date(text(form, "since"));
    if (since.isEmpty()) {
      errors.add("since", t.get("school.referent.error.since"));
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(referentForm(w, errors, form, 400));
    }
    try {
      tremplin.referents().assign(w.actor(), learner.get(), coach, since.get());
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return Submitted.refused(SchoolPages.forbidden(t.locale(), w.root()));
      }
      errors.add("coach", t.get("school.form.refused", e.code().name()));
      return Submitted.refused(referentForm(w, errors, form, 400));
    }
    return Submitted.done(
        URI.create(
            w.page("app/school/referents?assigned=" + learner.get().value())
                + "#learner-"
                + learner.get().value()));
  }

  // ---------------------------------------------------------------- thresholds

  private static final List<String> COUNTS =
      List.of(
          "unjustifiedHalfDays",
          "unjustifiedWindowDays",
          "attendanceWindowDays",
          "maxDaysWithoutMeeting",
          "missedMeetings",
          "maxDaysWithoutProgress",
          "endingWithinDays");

  private static final List<String> ORDER =
      List.of(
          "unjustifiedHalfDays",
          "unjustifiedWindowDays",
          "minAttendanceRate",
          "attendanceWindowDays",
          "maxDaysWithoutMeeting",
          "missedMeetings",
          "maxDaysWithoutProgress",
          "endingWithinDays",
          "readinessTolerance");

  Response thresholdsForm(
      Who w, FormErrors errors, MultivaluedMap<String, String> form, boolean saved, int status) {
    Texts t = w.t();
    RiskThresholds current = tremplin.alerts().thresholds(w.actor(), w.school());
    Map<String, String> values =
        Map.of(
            "unjustifiedHalfDays", String.valueOf(current.unjustifiedHalfDays()),
            "unjustifiedWindowDays", String.valueOf(current.unjustifiedWindowDays()),
            "minAttendanceRate", percent(current.minAttendanceRate()),
            "attendanceWindowDays", String.valueOf(current.attendanceWindowDays()),
            "maxDaysWithoutMeeting", String.valueOf(current.maxDaysWithoutMeeting()),
            "missedMeetings", String.valueOf(current.missedMeetings()),
            "maxDaysWithoutProgress", String.valueOf(current.maxDaysWithoutProgress()),
            "endingWithinDays", String.valueOf(current.endingWithinDays()),
            "readinessTolerance", percent(current.readinessTolerance()));
    List<NumberField> fields = new ArrayList<>();
    for (String name : ORDER) {
      boolean count = COUNTS.contains(name);
      fields.add(
          new NumberField(
              errors.field(name, form.getFirst(name), values.get(name)),
              t.get("school.thresholds." + name),
              count ? "1" : "0",
              count ? "999" : "100",
              count ? "1" : "any"));
    }
    return SchoolPages.render(
        status,
        "school/thresholds.jte",
        new ThresholdsForm(
            SchoolPages.layout(w, errors.titlePrefix() + t.get("school.thresholds.title")),
            t,
            SchoolPages.nav(w, "thresholds"),
            errors,
            guard.fields(w.request()),
            action(w, "app/school/thresholds"),
            saved ? t.get("school.thresholds.saved") : "",
            fields));
  }

  Submitted setThresholds(Who w, MultivaluedMap<String, String> form) {
    Texts t = w.t();
    FormErrors errors = FormErrors.in(t.locale());
    Map<String, Integer> counts = new java.util.HashMap<>();
    Map<String, BigDecimal> rates = new java.util.HashMap<>();
    for (String name : ORDER) {
      String value = text(form, name);
      if (COUNTS.contains(name)) {
        Optional<Integer> n = integer(value).filter(v -> v >= 1 && v <= 999);
        if (n.isEmpty()) {
          errors.add(name, t.get("school.thresholds.error.count"));
        } else {
          counts.put(name, n.get());
        }
      } else {
        Optional<BigDecimal> p =
            decimal(value)
                .filter(v -> v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0);
        if (p.isEmpty()) {
          errors.add(name, t.get("school.thresholds.error.percent"));
        } else {
          rates.put(name, p.get().divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP));
        }
      }
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(thresholdsForm(w, errors, form, false, 400));
    }
    try {
      tremplin
          .alerts()
          .setThresholds(
              w.actor(),
              w.school(),
              new RiskThresholds(
                  counts.get("unjustifiedHalfDays"),
                  counts.get("unjustifiedWindowDays"),
                  rates.get("minAttendanceRate"),
                  counts.get("attendanceWindowDays"),
                  counts.get("maxDaysWithoutMeeting"),
                  counts.get("missedMeetings"),
                  counts.get("maxDaysWithoutProgress"),
                  counts.get("endingWithinDays"),
                  rates.get("readinessTolerance")));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return Submitted.refused(SchoolPages.forbidden(t.locale(), w.root()));
      }
      throw e;
    }
    return Submitted.done(URI.create(w.page("app/school/thresholds?saved=1")));
  }

  // ---------------------------------------------------------------- parsing

  private static String percent(BigDecimal fraction) {
    return fraction.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
  }

  static String text(MultivaluedMap<String, String> form, String name) {
    return Optional.ofNullable(form.getFirst(name)).orElse("").strip();
  }

  /** The ISO date typed in a date field; empty when blank or not a date. */
  static Optional<LocalDate> date(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> integer(String text) {
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<BigDecimal> decimal(String text) {
    try {
      return Optional.of(new BigDecimal(text.replace(',', '.')));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<UUID> uuid(@Nullable String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
