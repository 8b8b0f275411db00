package org.tremplin.core.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;
import org.tremplin.api.eligibility.AdministrativeCriterion;
import org.tremplin.api.eligibility.CriteriaVersion;
import org.tremplin.api.eligibility.CriterionLevel;
import org.tremplin.api.eligibility.CriterionSuggestion;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.eligibility.EligibilityResult;
import org.tremplin.api.eligibility.EligibilityRules;
import org.tremplin.api.eligibility.ProfileFact;
import org.tremplin.api.eligibility.ProofIssue;
import org.tremplin.api.eligibility.ProofValidity;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.api.eligibility.SupportingDocument;
import org.tremplin.core.internal.Json;

/**
 * Eligibility on the dated criteria lists of {@code criteria.json} and the profile rules of {@code
 * profile-rules.json}. A diagnosis is judged by the version in force on its date: eligible with one
 * level-1 criterion, or with the structure kind's number of level-2 criteria. Proofs are checked
 * separately: a missing or out-of-date proof is reported, and {@link
 * EligibilityResult#provenEligible()} tells whether the counted criteria are all proven. Immutable
 * and thread-safe.
 */
public final class ReferenceEligibilityRules implements EligibilityRules {
  private final List<CriteriaVersion> versions;
  private final ProfileRules profile;

  /** Loads the bundled lists. */
  public ReferenceEligibilityRules() {
    Doc doc = Json.resource(ReferenceEligibilityRules.class, "criteria.json", Doc.class);
    this.versions =
        doc.versions().stream()
            .map(ReferenceEligibilityRules::toVersion)
            .sorted(Comparator.comparing(CriteriaVersion::validFrom))
            .toList();
    this.profile =
        Json.resource(ReferenceEligibilityRules.class, "profile-rules.json", ProfileRules.class);
  }

  @Override
  public List<CriteriaVersion> versions() {
    return versions;
  }

  @Override
  public CriteriaVersion versionOn(LocalDate date) {
    TremplinException.required(date, "date");
    CriteriaVersion found = null;
    for (CriteriaVersion v : versions) {
      if (!v.validFrom().isAfter(date)) {
        found = v;
      }
    }
    if (found == null) {
      throw new TremplinException(
          ErrorCode.ELIGIBILITY_NO_CRITERIA_VERSION,
          "no criteria list applies on "
              + date
              + "; the first one applies from "
              + versions.get(0).validFrom());
    }
    return found;
  }

  @Override
  public EligibilityResult evaluate(EligibilityDiagnosis d) {
    TremplinException.required(d, "diagnosis");
    CriteriaVersion version = versionOn(d.date());
    List<String> level1 = new ArrayList<>();
    List<String> level2 = new ArrayList<>();
    Map<String, AdministrativeCriterion> retained = new LinkedHashMap<>();
    for (String code : d.criteria()) {
      retained.put(code, known(version, code));
    }
    // Keep the list's order, not the caller's.
    for (AdministrativeCriterion c : version.criteria()) {
      if (retained.containsKey(c.code())) {
        (c.level() == CriterionLevel.LEVEL_1 ? level1 : level2).add(c.code());
      }
    }
    for (SupportingDocument p : d.proofs()) {
      known(version, p.criterion());
    }
    int required = version.level2Required().get(d.structure());
    boolean eligible = !level1.isEmpty() || level2.size() >= required;
    List<ProofIssue> issues = new ArrayList<>();
    for (AdministrativeCriterion c : retained.values()) {
      issues.addAll(proofIssue(c, d).stream().toList());
    }
    return new EligibilityResult(
        version.version(),
        d.structure(),
        level1,
        level2,
        required,
        eligible,
        issues,
        d.date().plusMonths(version.diagnosisValidityMonths()).minusDays(1));
  }

  private static Optional<ProofIssue> proofIssue(
      AdministrativeCriterion c, EligibilityDiagnosis d) {
    Optional<SupportingDocument> newest =
        d.proofs().stream()
            .filter(p -> p.criterion().equals(c.code()))
            .max(Comparator.comparing(SupportingDocument::issuedOn));
    if (newest.isEmpty()) {
      return Optional.of(new ProofIssue.Missing(c.code()));
    }
    LocalDate issued = newest.get().issuedOn();
    Optional<LocalDate> until = c.proofValidity().validUntil(issued);
    if (until.isPresent() && until.get().isBefore(d.date())) {
      return Optional.of(new ProofIssue.OutOfDate(c.code(), issued, until.get()));
    }
    return Optional.empty();
  }

  @Override
  public List<CriterionSuggestion> suggest(List<ProfileFact> facts, LocalDate on) {
    TremplinException.required(facts, "profile");
    CriteriaVersion version = versionOn(on);
    Map<String, String> because = new LinkedHashMap<>();
    for (ProfileFact fact : facts) {
      TremplinException.required(fact, "profile fact");
      if (fact instanceof ProfileFact.BirthDate b) {
        TremplinException.check(
            !b.date().isAfter(on), "birth date " + b.date() + " is after " + on);
        int age = Period.between(b.date(), on).getYears();
        if (age < profile.jeuneAgeBelow()) {
          because.putIfAbsent("JEUNE", "aged " + age + " on " + on);
        }
        if (age >= profile.seniorAgeFrom()) {
          because.putIfAbsent("SENIOR", "aged " + age + " on " + on);
        }
      } else if (fact instanceof ProfileFact.EducationLevel e) {
        if (e.level() <= profile.capBepEducationLevelAtMost()) {
          because.putIfAbsent("CAP_BEP", "education level " + e.level());
        }
      } else if (fact instanceof ProfileFact.PriorityNeighbourhoodResidence q) {
        because.putIfAbsent("QPV", "lives in QPV " + q.code());
      } else if (fact instanceof ProfileFact.JobseekerSince j) {
        TremplinException.check(
            !j.since().isAfter(on), "jobseeker registration " + j.since() + " is after " + on);
        long months = Period.between(j.since(), on).toTotalMonths();
        if (months >= profile.detldJobseekerMonthsFrom()) {
          because.putIfAbsent("DETLD", "jobseeker for " + months + " months");
        } else if (months >= profile.deldJobseekerMonthsFrom()) {
          because.putIfAbsent("DELD", "jobseeker for " + months + " months");
        }
      } else if (fact instanceof ProfileFact.Declared dc) {
        because.putIfAbsent(known(version, dc.criterion()).code(), "declared");
      }
    }
    List<CriterionSuggestion> result = new ArrayList<>();
    for (AdministrativeCriterion c : version.criteria()) {
      String why = because.get(c.code());
      if (why != null) {
        result.add(new CriterionSuggestion(c.code(), why));
      }
    }
    return result;
  }

  @Override
  public boolean isValidOn(EligibilityDiagnosis d, LocalDate day, boolean passIaeRunning) {
    TremplinException.required(d, "diagnosis");
    TremplinException.required(day, "day");
    if (day.isBefore(d.date())) {
      return false;
    }
    if (passIaeRunning) {
      return true;
    }
    return !day.isAfter(
        d.date().plusMonths(versionOn(d.date()).diagnosisValidityMonths()).minusDays(1));
  }

  private static AdministrativeCriterion known(CriteriaVersion version, String code) {
    return version
        .criterion(code)
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.ELIGIBILITY_UNKNOWN_CRITERION,
                    "criterion "
                        + code
                        + " is not in the "
                        + version.version()
                        + " list; it has "
                        + version.criteria().stream().map(AdministrativeCriterion::code).toList()));
  }

  private static CriteriaVersion toVersion(VersionDoc v) {
    List<AdministrativeCriterion> criteria =
        v.criteria().stream()
            .map(
                c ->
                    new AdministrativeCriterion(
                        c.code(),
                        c.level() == 1 ? CriterionLevel.LEVEL_1 : CriterionLevel.LEVEL_2,
                        c.name().text(),
                        c.proof().text(),
                        validity(c.proofValidity())))
            .toList();
    return new CriteriaVersion(
        v.version(), v.validFrom(), v.diagnosisValidityMonths(), v.level2Required(), criteria);
  }

  private static ProofValidity validity(String text) {
    if ("AT_HIRE".equals(text)) {
      return new ProofValidity.AtHire();
    }
    Period p = Period.parse(text);
    return new ProofValidity.Months((int) p.toTotalMonths());
  }

  record Text(String fr, String en) {
    LocalizedText text() {
      return new LocalizedText(fr, en);
    }
  }

  record CriterionDoc(String code, int level, Text name, Text proof, String proofValidity) {}

  record VersionDoc(
      String version,
      LocalDate validFrom,
      String source,
      int diagnosisValidityMonths,
      Map<StructureKind, Integer> level2Required,
      List<CriterionDoc> criteria) {}

  record Doc(String description, List<VersionDoc> versions) {}

  record ProfileRules(
      String description,
      int jeuneAgeBelow,
      int seniorAgeFrom,
      int capBepEducationLevelAtMost,
      int deldJobseekerMonthsFrom,
      int detldJobseekerMonthsFrom) {}
}
