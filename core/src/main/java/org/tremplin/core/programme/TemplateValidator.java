package org.tremplin.core.programme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.certification.CertificationCatalog;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.programme.Phase;
import org.tremplin.api.programme.PhaseKind;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.Unit;

/**
 * Checks a template's rules: known competencies of its certification version, phases that follow
 * each other week after week from week 1 (no overlap, no gap), unit hours within the phase's weeks
 * (35 h a week), unique codes. Stateless and thread-safe.
 */
public final class TemplateValidator {
  /** Hours in a full-time week (DOMAIN.md: 35 h). */
  public static final int HOURS_PER_WEEK = 35;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final CertificationCatalog catalog;

  /**
   * A validator against a certification catalog.
   *
   * @param catalog the catalog
   */
  public TemplateValidator(CertificationCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether this is a valid template id: lower-case letters, digits and dashes, at most 64. */
  static boolean validId(String id) {
    return ID.matcher(id).matches();
  }

  /**
   * Every problem of the template, in document order, each located ({@link TemplateProblem#where});
   * empty when valid.
   *
   * @param t the template
   * @return every problem of the template, in document order; empty when valid
   */
  public List<TemplateProblem> problems(ProgrammeTemplate t) {
    List<TemplateProblem> problems = new ArrayList<>();
    if (!ID.matcher(t.ref().id()).matches()) {
      problems.add(
          TemplateProblem.of(
              ErrorCode.TEMPLATE_INVALID,
              "id",
              "id",
              "id '" + t.ref().id() + "' must be lower-case letters, digits and dashes (max 64)",
              t.ref().id()));
    }
    CertificationVersion cert = catalog.version(t.certification());
    Set<String> phaseCodes = new HashSet<>();
    Set<String> unitCodes = new HashSet<>();
    int expectedStart = 1;
    int placementWeeks = 0;
    for (int i = 0; i < t.phases().size(); i++) {
      Phase p = t.phases().get(i);
      String at = "phases[" + i + "]";
      if (!phaseCodes.add(p.code())) {
        problems.add(
            TemplateProblem.of(
                ErrorCode.TEMPLATE_INVALID,
                "phaseCode",
                at + ".code",
                "phase code " + p.code() + " is used twice",
                p.code()));
      }
      if (p.startWeek() < expectedStart) {
        problems.add(
            TemplateProblem.of(
                ErrorCode.TEMPLATE_PHASES_OVERLAP,
                "overlap",
                at + ".startWeek",
                "phase "
                    + p.code()
                    + " starts at week "
                    + p.startWeek()
                    + " but the previous phase runs until week "
                    + (expectedStart - 1),
                p.code(),
                p.startWeek(),
                expectedStart - 1));
      } else if (p.startWeek() > expectedStart) {
        problems.add(
            TemplateProblem.of(
                ErrorCode.TEMPLATE_PHASES_GAP,
                "gap",
                at + ".startWeek",
                "weeks "
                    + expectedStart
                    + " to "
                    + (p.startWeek() - 1)
                    + " are in no phase (before phase "
                    + p.code()
                    + ")",
                p.code(),
                expectedStart,
                p.startWeek() - 1));
      }
      expectedStart = Math.max(expectedStart, p.endWeek() + 1);
      if (p.kind() == PhaseKind.COMPANY_PLACEMENT) {
        placementWeeks += p.weeks();
      }
      int capacity = p.weeks() * HOURS_PER_WEEK;
      if (p.unitHours() > capacity) {
        problems.add(
            TemplateProblem.of(
                ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR,
                "phaseHours",
                at + ".units",
                "phase "
                    + p.code()
                    + " plans "
                    + p.unitHours()
                    + " h of units but "
                    + p.weeks()
                    + " weeks hold at most "
                    + capacity
                    + " h",
                p.code(),
                p.unitHours(),
                p.weeks(),
                capacity));
      }
      for (int j = 0; j < p.units().size(); j++) {
        Unit u = p.units().get(j);
        String unitAt = at + ".units[" + j + "]";
        if (!unitCodes.add(u.code())) {
          problems.add(
              TemplateProblem.of(
                  ErrorCode.TEMPLATE_INVALID,
                  "unitCode",
                  unitAt + ".code",
                  "unit code " + u.code() + " is used twice",
                  u.code()));
        }
        for (int k = 0; k < u.competencies().size(); k++) {
          String c = u.competencies().get(k);
          if (cert.competency(c).isEmpty()) {
            problems.add(
                TemplateProblem.of(
                    ErrorCode.TEMPLATE_UNKNOWN_COMPETENCY,
                    "competency",
                    unitAt + ".competencies[" + k + "]",
                    "unit "
                        + u.code()
                        + " refers to competency "
                        + c
                        + ", which "
                        + t.certification()
                        + " does not have",
                    u.code(),
                    c,
                    t.certification()));
          }
        }
      }
    }
    int placementCapacity = placementWeeks * HOURS_PER_WEEK;
    if (t.placementHours() > placementCapacity) {
      problems.add(
          TemplateProblem.of(
              ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR,
              "placementHours",
              "placementHours",
              "placementHours "
                  + t.placementHours()
                  + " exceed the "
                  + placementCapacity
                  + " h of the COMPANY_PLACEMENT phases",
              t.placementHours(),
              placementCapacity));
    }
    return problems;
  }

  /**
   * Throws when the template has problems: the code of the first, and all of them in the message.
   *
   * @param t the t
   */
  public void check(ProgrammeTemplate t) {
    List<TemplateProblem> problems = problems(t);
    if (!problems.isEmpty()) {
      String all = String.join("; ", problems.stream().map(TemplateProblem::message).toList());
      throw new TremplinException(
          problems.get(0).code(), "template " + t.ref().id() + " is invalid: " + all);
    }
  }
}
