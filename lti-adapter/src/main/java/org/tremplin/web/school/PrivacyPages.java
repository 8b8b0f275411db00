package org.tremplin.web.school;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.api.privacy.ErasureReport;
import org.tremplin.core.Tremplin;
import org.tremplin.core.privacy.PrivacyOffice;
import org.tremplin.lti.housekeeping.RetentionRound;
import org.tremplin.web.form.Field;
import org.tremplin.web.form.FormErrors;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.form.FormGuard.Submitted;
import org.tremplin.web.form.HiddenFields;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.NavLink;
import org.tremplin.web.page.Pages;
import org.tremplin.web.page.Texts;

/**
 * The manager's "personal data" pages for one learner (GDPR access and erasure requests): the audit
 * trail of who read or changed the learner's insertion and coaching data, newest first and paged;
 * the export as a JSON download; the anonymisation behind a confirmation (the learner's family name
 * typed), then a page saying what it changed. Every read and write goes through the engine's {@link
 * org.tremplin.api.privacy.PrivacyService} as the session's actor, which checks {@code
 * PERSONAL_DATA_ADMIN} on the learner's school and audits the call. Thread-safe.
 */
final class PrivacyPages {
  /** Lines of the audit trail on one page. */
  static final int PAGE_SIZE = 50;

  /** A section name and a count, as the erasure's address carries them. */
  private static final Pattern COUNT = Pattern.compile("([A-Za-z]{1,40})\\.(\\d{1,9})");

  /** The actor id of core's early-warning desk (its audit lines), as core writes it. */
  static final String ALERTS_ACTOR = "system:alerts";

  private final Tremplin tremplin;
  private final FormGuard guard;

  PrivacyPages(Tremplin tremplin, FormGuard guard) {
    this.tremplin = tremplin;
    this.guard = guard;
  }

  /** A line of the audit trail as the page shows it. */
  record Line(String when, String who, String action, String what) {}

  /** What an erasure changed in one section, in words. */
  record Changed(String section, String count) {}

  /** The learner's personal data page. */
  record PrivacyPage(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      String title,
      String cohortName,
      boolean erased,
      String trailCaption,
      List<Line> lines,
      String position,
      String newer,
      String older,
      String exportHref,
      String eraseHref,
      String factsHref,
      String back) {}

  /** The confirmation before an erasure. */
  record ErasePage(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      FormErrors errors,
      String title,
      String cohortName,
      String familyName,
      HiddenFields hidden,
      String action,
      Field confirmation,
      String back) {}

  /** What an erasure did. */
  record ErasedPage(
      Layout layout,
      Texts t,
      List<NavLink> nav,
      String title,
      String when,
      List<Changed> changed,
      String unchangedSummary,
      String unchanged,
      String privacyHref,
      String back) {}

  // ---------------------------------------------------------------- the page

  Response page(Who w, FunderFactsForms.Found f, int pageNumber) {
    Texts t = w.t();
    LearnerId id = f.learner().id();
    List<AuditEntry> trail =
        tremplin.privacy().auditTrail(w.actor(), id).stream()
            .sorted(Comparator.comparing(AuditEntry::at).reversed())
            .toList();
    int pages = Math.max(1, (trail.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(pageNumber, 1), pages);
    int from = (current - 1) * PAGE_SIZE;
    List<AuditEntry> shown = trail.subList(from, Math.min(trail.size(), from + PAGE_SIZE));
    Set<String> actors = new TreeSet<>();
    shown.forEach(e -> actors.add(e.actor()));
    Map<String, String> names = new java.util.HashMap<>(guard.names(actors));
    // the reader's own name, even before they wrote through a form
    String self = w.request().session().displayName().strip();
    if (!self.isEmpty()) {
      names.put(w.request().session().personId(), self);
    }
    // Tremplin's own actors, in words: a data-protection contact should not have to decode them
    names.put(ALERTS_ACTOR, t.get("school.privacy.actor.alerts"));
    names.put(RetentionRound.ACTOR_ID, t.get("school.privacy.actor.retention"));
    ZoneId zone = tremplin.clock().getZone();
    List<Line> lines = new ArrayList<>();
    for (AuditEntry e : shown) {
      String name = names.get(e.actor());
      lines.add(
          new Line(
              t.moment(e.at(), zone),
              name == null || name.isBlank() ? e.actor() : name,
              t.get("school.privacy.action." + e.action().name()),
              what(t, e.what())));
    }
    String base = privacyPath(id);
    String title = t.get("school.privacy.title", f.learner().displayName());
    return SchoolPages.render(
        200,
        "school/privacy.jte",
        new PrivacyPage(
            SchoolPages.layout(w, title),
            t,
            SchoolPages.nav(w, "funder"),
            title,
            t.get("school.facts.cohort", f.cohort().name(), t.date(f.joined())),
            erased(f),
            t.get("school.privacy.trail.caption"),
            lines,
            trail.size() <= PAGE_SIZE
                ? t.get("school.privacy.trail.count", trail.size())
                : t.get(
                    "school.privacy.trail.position",
                    from + 1,
                    from + shown.size(),
                    trail.size(),
                    current,
                    pages),
            current > 1 ? w.page(base + "?page=" + (current - 1)) + "#trail" : "",
            current < pages ? w.page(base + "?page=" + (current + 1)) + "#trail" : "",
            w.page(base + "/export"),
            w.page(base + "/erase"),
            w.page("app/school/learners/" + id.value() + "/facts"),
            w.page("app/school/funder")));
  }

  // ---------------------------------------------------------------- export

  Response export(Who w, FunderFactsForms.Found f) {
    String json = tremplin.privacy().export(w.actor(), f.learner().id());
    String file = w.t().get("school.privacy.export.file") + "-" + f.learner().id().value();
    return Pages.secure(
            Response.ok(json.getBytes(StandardCharsets.UTF_8))
                .type("application/json;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + ".json\""))
        .build();
  }

  // ---------------------------------------------------------------- erasure

  Response eraseForm(
      Who w, FunderFactsForms.Found f, FormErrors errors, MultivaluedMap<String, String> form) {
    if (erased(f)) {
      return Pages.seeOther(URI.create(w.page(privacyPath(f.learner().id()))));
    }
    Texts t = w.t();
    String title = t.get("school.privacy.erase.title", f.learner().displayName());
    return SchoolPages.render(
        errors.isEmpty() ? 200 : 400,
        "school/erase.jte",
        new ErasePage(
            SchoolPages.layout(w, errors.titlePrefix() + title),
            t,
            SchoolPages.nav(w, "funder"),
            errors,
            title,
            t.get("school.facts.cohort", f.cohort().name(), t.date(f.joined())),
            f.learner().familyName(),
            guard.fields(w.request()),
            w.root() + privacyPath(f.learner().id()) + "/erase?school=" + w.school().value(),
            errors.field("confirmation", form.getFirst("confirmation"), ""),
            w.page(privacyPath(f.learner().id()))));
  }

  Submitted erase(Who w, FunderFactsForms.Found f, MultivaluedMap<String, String> form) {
    Texts t = w.t();
    if (erased(f)) {
      return Submitted.refused(Pages.seeOther(URI.create(w.page(privacyPath(f.learner().id())))));
    }
    FormErrors errors = FormErrors.in(t.locale());
    String typed = SchoolForms.text(form, "confirmation");
    if (typed.isEmpty()) {
      errors.add("confirmation", t.get("school.privacy.erase.error.empty"));
    } else if (!plain(typed).equals(plain(f.learner().familyName()))) {
      errors.add(
          "confirmation", t.get("school.privacy.erase.error.mismatch", f.learner().familyName()));
    }
    if (!errors.isEmpty()) {
      return Submitted.refused(eraseForm(w, f, errors, form));
    }
    ErasureReport report;
    try {
      report = tremplin.privacy().erase(w.actor(), f.learner().id());
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ACCESS_DENIED) {
        return Submitted.refused(SchoolPages.forbidden(t.locale(), w.root()));
      }
      errors.add("confirmation", t.get("school.form.refused", e.code().name()));
      return Submitted.refused(eraseForm(w, f, errors, form));
    }
    StringBuilder counts = new StringBuilder();
    report
        .changed()
        .forEach(
            (section, n) -> {
              if (COUNT.matcher(section + "." + n).matches()) {
                counts
                    .append(counts.length() == 0 ? "" : "-")
                    .append(section)
                    .append('.')
                    .append(n);
              }
            });
    return Submitted.done(
        URI.create(
            w.page(
                privacyPath(f.learner().id())
                    + "/erased?at="
                    + report.erasedAt().toEpochMilli()
                    + "&changed="
                    + counts)));
  }

  /**
   * What an erasure did, from the counts its address carries (the page is shown only once the
   * learner is anonymised; the counts are what the engine answered).
   */
  Response erased(
      Who w, FunderFactsForms.Found f, @Nullable String changed, @Nullable String erasedAt) {
    if (!erased(f)) {
      return Pages.seeOther(URI.create(w.page(privacyPath(f.learner().id()))));
    }
    Texts t = w.t();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String part : (changed == null ? "" : changed).split("-")) {
      var m = COUNT.matcher(part);
      if (m.matches()) {
        counts.put(m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    List<Changed> lines = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    counts.forEach(
        (section, n) -> {
          String label =
              has(t, "school.privacy.section." + section)
                  ? t.get("school.privacy.section." + section)
                  : section;
          if (n > 0) {
            lines.add(new Changed(label, t.get("school.privacy.erased.rows", n)));
          } else {
            unchanged.add(label);
          }
        });
    String when = "";
    try {
      long millis = Long.parseLong(erasedAt == null ? "" : erasedAt);
      when =
          t.get(
              "school.privacy.erased.when",
              t.moment(Instant.ofEpochMilli(millis), tremplin.clock().getZone()));
    } catch (NumberFormatException e) {
      // no time in the address: the page says what, not when
    }
    String title = t.get("school.privacy.erased.title");
    return SchoolPages.render(
        200,
        "school/erased.jte",
        new ErasedPage(
            SchoolPages.layout(w, title),
            t,
            SchoolPages.nav(w, "funder"),
            title,
            when,
            lines,
            unchanged.isEmpty() ? "" : t.get("school.privacy.erased.nothing", unchanged.size()),
            String.join(", ", unchanged),
            w.page(privacyPath(f.learner().id())),
            w.page("app/school/funder")));
  }

  static MultivaluedMap<String, String> none() {
    return new MultivaluedHashMap<>();
  }

  // ---------------------------------------------------------------- helpers

  static String privacyPath(LearnerId learner) {
    return "app/school/learners/" + learner.value() + "/privacy";
  }

  private static boolean erased(FunderFactsForms.Found f) {
    return PrivacyOffice.ERASED.equals(f.learner().familyName());
  }

  /**
   * The kind of data of an audit line in words: its own text, else its feature's with the data the
   * operation touches (or the code), else the code.
   */
  private static String what(Texts t, String code) {
    String dashed = code.replace('_', '-');
    if (has(t, "school.privacy.what." + dashed)) {
      return t.get("school.privacy.what." + dashed);
    }
    int dot = dashed.indexOf('.');
    String feature = dot < 0 ? dashed : dashed.substring(0, dot);
    String rest = dot < 0 ? "" : dashed.substring(dot + 1);
    if (!has(t, "school.privacy.feature." + feature)) {
      return code;
    }
    String label = t.get("school.privacy.feature." + feature);
    if (!has(t, "school.privacy.op." + rest)) {
      return t.get("school.privacy.feature.format", label, code);
    }
    String data = t.get("school.privacy.op." + rest);
    return data.equalsIgnoreCase(label)
        ? label
        : t.get("school.privacy.feature.format", label, data);
  }

  private static boolean has(Texts t, String key) {
    return !t.getOr(key, "").isEmpty();
  }

  /** A name as compared with what was typed: no accents, no case, single spaces. */
  static String plain(String text) {
    String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
    return decomposed
        .replaceAll("\\p{M}", "")
        .replaceAll("[\\s\u00a0]+", " ")
        .replace('’', '\'')
        .toLowerCase(Locale.ROOT);
  }
}
