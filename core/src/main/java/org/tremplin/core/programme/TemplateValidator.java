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

  /** A problem found in a template. */
  public record Problem(ErrorCode code, String message) {}

  /**
   * Every problem of the template, in document order; empty when valid.
   *
   * @param t the t
   * @return every problem of the template, in document order; empty when valid
   */
  public List<Problem> problems(ProgrammeTemplate t) {
    List<Problem> problems = new ArrayList<>();
    if (!ID.matcher(t.ref().id()).matches()) {
      problems.add(
          new Problem(
              ErrorCode.TEMPLATE_INVALID,
              "id '" + t.ref().id() + "' must be lower-case letters, digits and dashes (max 64)"));
    }
    CertificationVersion cert = catalog.version(t.certification());
    Set<String> phaseCodes = new HashSet<>();
    Set<String> unitCodes = new HashSet<>();
    int expectedStart = 1;
    int placementWeeks = 0;
    for (Phase p : t.phases()) {
      if (!phaseCodes.add(p.code())) {
        problems.add(
            new Problem(ErrorCode.TEMPLATE_INVALID, "phase code " + p.code() + " is used twice"));
      }
      if (p.startWeek() < expectedStart) {
        problems.add(
            new Problem(
                ErrorCode.TEMPLATE_PHASES_OVERLAP,
                "phase "
                    + p.code()
                    + " starts at week "
                    + p.startWeek()
                    + " but the previous phase runs until week "
                    + (expectedStart - 1)));
      } else if (p.startWeek() > expectedStart) {
        problems.add(
            new Problem(
                ErrorCode.TEMPLATE_PHASES_GAP,
                "weeks "
                    + expectedStart
                    + " to "
                    + (p.startWeek() - 1)
                    + " are in no phase (before phase "
                    + p.code()
                    + ")"));
      }
      expectedStart = Math.max(expectedStart, p.endWeek() + 1);
      if (p.kind() == PhaseKind.COMPANY_PLACEMENT) {
        placementWeeks += p.weeks();
      }
      int capacity = p.weeks() * HOURS_PER_WEEK;
      if (p.unitHours() > capacity) {
        problems.add(
            new Problem(
                ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR,
                "phase "
                    + p.code()
                    + " plans "
                    + p.unitHours()
                    + " h of units but "
                    + p.weeks()
                    + " weeks hold at most "
                    + capacity
                    + " h"));
      }
      for (Unit u : p.units()) {
        if (!unitCodes.add(u.code())) {
          problems.add(
              new Problem(ErrorCode.TEMPLATE_INVALID, "unit code " + u.code() + " is used twice"));
        }
        for (String c : u.competencies()) {
          if (cert.competency(c).isEmpty()) {
            problems.add(
                new Problem(
                    ErrorCode.TEMPLATE_UNKNOWN_COMPETENCY,
                    "unit "
                        + u.code()
                        + " refers to competency "
                        + c
                        + ", which "
                        + t.certification()
                        + " does not have"));
          }
        }
      }
    }
    int placementCapacity = placementWeeks * HOURS_PER_WEEK;
    if (t.placementHours() > placementCapacity) {
      problems.add(
          new Problem(
              ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR,
              "placementHours "
                  + t.placementHours()
                  + " exceed the "
                  + placementCapacity
                  + " h of the COMPANY_PLACEMENT phases"));
    }
    return problems;
  }

  /**
   * Throws when the template has problems: the code of the first, and all of them in the message.
   *
   * @param t the t
   */
  public void check(ProgrammeTemplate t) {
    List<Problem> problems = problems(t);
    if (!problems.isEmpty()) {
      String all = String.join("; ", problems.stream().map(Problem::message).toList());
      throw new TremplinException(
          problems.get(0).code(), "template " + t.ref().id() + " is invalid: " + all);
    }
  }
}
