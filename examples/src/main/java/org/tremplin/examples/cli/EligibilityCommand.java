package org.tremplin.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.eligibility.AdministrativeCriterion;
import org.tremplin.api.eligibility.CriteriaVersion;
import org.tremplin.api.eligibility.CriterionLevel;
import org.tremplin.api.eligibility.CriterionSuggestion;
import org.tremplin.api.eligibility.EligibilityDiagnosis;
import org.tremplin.api.eligibility.EligibilityResult;
import org.tremplin.api.eligibility.EligibilityRules;
import org.tremplin.api.eligibility.ProfileFact;
import org.tremplin.api.eligibility.StructureKind;
import org.tremplin.core.eligibility.ReferenceEligibilityRules;
import org.tremplin.web.config.TremplinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin eligibility}: whether a person is eligible to an IAE path in a kind of structure,
 * from the criteria given and those suggested by a profile (birth date, education level, QPV,
 * jobseeker registration), with the criteria list in force on the day. Needs no database; no
 * supporting documents are checked. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "eligibility",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class EligibilityCommand implements Callable<Integer> {
  /** The author recorded on the diagnosis the command evaluates. */
  static final String AUTHOR = "cli";

  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--structure", required = true, paramLabel = "KIND")
  StructureKind structure = StructureKind.ACI;

  @Option(names = "--criteria", split = ",", paramLabel = "CODE")
  List<String> criteria = new ArrayList<>();

  @Option(names = "--birth-date", paramLabel = "DATE")
  @Nullable String birthDate;

  @Option(names = "--education-level", paramLabel = "N")
  @Nullable String educationLevel;

  @Option(names = "--qpv", paramLabel = "CODE")
  @Nullable String qpv;

  @Option(names = "--jobseeker-since", paramLabel = "DATE")
  @Nullable String jobseekerSince;

  @Option(names = "--on", paramLabel = "DATE")
  @Nullable String on;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
  OutputFormat format = OutputFormat.TEXT;

  @Override
  public Integer call() throws JsonProcessingException {
    Messages m = lang.messages();
    EligibilityRules rules = new ReferenceEligibilityRules();
    LocalDate day =
        on == null
            ? LocalDate.now(TremplinConfig.DEFAULT_ZONE)
            : CalendarCommand.date("--on", on, m);
    CriteriaVersion version = version(rules, day, m);
    List<ProfileFact> facts = profile(day, m);
    List<CriterionSuggestion> suggested = rules.suggest(facts, day);
    Set<String> retained = new LinkedHashSet<>();
    for (String code : criteria) {
      String normalized = code.strip().toUpperCase(Locale.ROOT);
      if (normalized.isEmpty()) {
        continue;
      }
      if (version.criterion(normalized).isEmpty()) {
        throw new UsageException(
            m.get("error.criterion", code.strip(), version.version(), codes(version)));
      }
      retained.add(normalized);
    }
    suggested.forEach(s -> retained.add(s.criterion()));
    EligibilityResult result =
        rules.evaluate(
            new EligibilityDiagnosis(AUTHOR, day, structure, List.copyOf(retained), List.of()));
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.println(json(result, suggested, m));
    } else {
      printText(out, day, version, result, suggested, m);
    }
    out.flush();
    return 0;
  }

  private static CriteriaVersion version(EligibilityRules rules, LocalDate day, Messages m) {
    try {
      return rules.versionOn(day);
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ELIGIBILITY_NO_CRITERIA_VERSION) {
        throw new UsageException(
            m.get("error.noCriteriaVersion", day, m.date(rules.versions().get(0).validFrom())));
      }
      throw e;
    }
  }

  /** The profile facts of the options, checked against the diagnosis day. */
  private List<ProfileFact> profile(LocalDate day, Messages m) {
    List<ProfileFact> facts = new ArrayList<>();
    if (birthDate != null) {
      LocalDate born = CalendarCommand.date("--birth-date", birthDate, m);
      if (born.isAfter(day)) {
        throw new UsageException(m.get("error.afterOn", "--birth-date", birthDate, day));
      }
      facts.add(new ProfileFact.BirthDate(born));
    }
    if (educationLevel != null) {
      facts.add(new ProfileFact.EducationLevel(educationLevel(educationLevel, m)));
    }
    if (qpv != null) {
      try {
        facts.add(
            new ProfileFact.PriorityNeighbourhoodResidence(qpv.strip().toUpperCase(Locale.ROOT)));
      } catch (TremplinException e) {
        throw new UsageException(m.get("error.qpv", qpv));
      }
    }
    if (jobseekerSince != null) {
      LocalDate since = CalendarCommand.date("--jobseeker-since", jobseekerSince, m);
      if (since.isAfter(day)) {
        throw new UsageException(m.get("error.afterOn", "--jobseeker-since", jobseekerSince, day));
      }
      facts.add(new ProfileFact.JobseekerSince(since));
    }
    return facts;
  }

  private static int educationLevel(String text, Messages m) {
    int level;
    try {
      level = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(m.get("error.educationLevel", text));
    }
    if (level < 0 || level > 8) {
      throw new UsageException(m.get("error.educationLevel", text));
    }
    return level;
  }

  private static String codes(CriteriaVersion version) {
    return version.criteria().stream()
        .map(AdministrativeCriterion::code)
        .collect(Collectors.joining(", "));
  }

  /** "1 level-1 criterion or 3 level-2 criteria (ACI)", in the chosen language. */
  private static String required(EligibilityResult result, Messages m) {
    return m.get("eligibility.rule", result.level2Required(), result.structure().name());
  }

  private static String json(
      EligibilityResult result, List<CriterionSuggestion> suggested, Messages m)
      throws JsonProcessingException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("eligible", result.eligible());
    doc.put("criteria", result.counted());
    doc.put("level1", result.level1());
    doc.put("level2", result.level2());
    doc.put("required", required(result, m));
    doc.put("criteriaVersion", result.criteriaVersion());
    doc.put("level2Required", result.level2Required());
    List<Map<String, String>> suggestions = new ArrayList<>();
    for (CriterionSuggestion s : suggested) {
      Map<String, String> suggestion = new LinkedHashMap<>();
      suggestion.put("criterion", s.criterion());
      suggestion.put("because", s.because());
      suggestions.add(suggestion);
    }
    doc.put("suggested", suggestions);
    doc.put("expiresOn", result.expiresOn().toString());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  private void printText(
      PrintWriter out,
      LocalDate day,
      CriteriaVersion version,
      EligibilityResult result,
      List<CriterionSuggestion> suggested,
      Messages m) {
    out.println(
        m.get("eligibility.title", result.structure().name(), m.date(day), version.version()));
    if (result.eligible()) {
      out.println(m.get("eligibility.yes"));
    } else {
      out.println(m.get("eligibility.no", result.level2().size(), result.level2Required()));
    }
    out.println(
        m.get(
            "eligibility.counted",
            result.counted().isEmpty()
                ? m.get("eligibility.none")
                : String.join(", ", result.counted())));
    out.println(m.get("eligibility.required", required(result, m)));
    List<String> retained = new ArrayList<>(result.level1());
    retained.addAll(result.level2());
    if (retained.isEmpty()) {
      out.println(m.get("eligibility.retained", m.get("eligibility.none")));
    } else {
      out.println(m.get("eligibility.retainedHeader"));
      Map<String, String> why = new LinkedHashMap<>();
      suggested.forEach(s -> why.put(s.criterion(), because(s, day, m)));
      int width = retained.stream().mapToInt(String::length).max().orElse(0);
      for (String code : retained) {
        AdministrativeCriterion c = version.criterion(code).orElseThrow();
        String origin =
            why.containsKey(code)
                ? m.get("eligibility.suggested", why.get(code))
                : m.get("eligibility.given");
        out.println(
            "  "
                + CalendarCommand.pad(code, width)
                + "  "
                + m.get(
                    "eligibility.criterion",
                    c.level() == CriterionLevel.LEVEL_1 ? 1 : 2,
                    c.name().in(m.locale()),
                    origin));
      }
    }
    if (result.eligible()) {
      out.println(m.get("eligibility.expiresOn", m.date(result.expiresOn())));
    }
  }

  /** Why the profile suggests a criterion, in the chosen language. */
  private String because(CriterionSuggestion s, LocalDate day, Messages m) {
    switch (s.criterion()) {
      case "JEUNE", "SENIOR" -> {
        if (birthDate != null) {
          int age = Period.between(LocalDate.parse(birthDate.strip()), day).getYears();
          return m.get("eligibility.because.age", age, m.date(day));
        }
      }
      case "CAP_BEP" -> {
        if (educationLevel != null) {
          return m.get("eligibility.because.education", educationLevel.strip());
        }
      }
      case "QPV" -> {
        if (qpv != null) {
          return m.get("eligibility.because.qpv", qpv.strip().toUpperCase(Locale.ROOT));
        }
      }
      case "DELD", "DETLD" -> {
        if (jobseekerSince != null) {
          long months =
              Period.between(LocalDate.parse(jobseekerSince.strip()), day).toTotalMonths();
          return m.get("eligibility.because.jobseeker", months);
        }
      }
      default -> {
        // Declared criteria are not suggested by this command's options.
      }
    }
    return s.because();
  }
}
