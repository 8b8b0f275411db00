package org.tremplin.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.PhaseSpan;
import org.tremplin.api.calendar.PublicHoliday;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.school.Departement;
import org.tremplin.core.calendar.FrenchCalendar;
import org.tremplin.core.calendar.PublicHolidayRules;
import org.tremplin.core.certification.ResourceCertificationCatalog;
import org.tremplin.core.programme.TemplateCodec;
import org.tremplin.core.programme.TemplateLibrary;
import org.tremplin.core.programme.TemplateValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin calendar}: the working days, half-days, planned hours and public holidays of a
 * date range in a département, minus closures, and the phases of a programme template laid on it.
 * Needs no database. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class CalendarCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--start", required = true, paramLabel = "DATE")
  String start = "";

  @Option(names = "--end", required = true, paramLabel = "DATE")
  String end = "";

  @Option(names = "--departement", paramLabel = "NN", defaultValue = "75")
  String departement = "75";

  @Option(names = "--closure", paramLabel = "FROM/TO")
  List<String> closures = new ArrayList<>();

  @Option(names = "--template", paramLabel = "ID|FILE")
  @Nullable String template;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
  OutputFormat format = OutputFormat.TEXT;

  @Override
  public Integer call() throws JsonProcessingException {
    Messages m = lang.messages();
    LocalDate first = date("--start", start, m);
    LocalDate last = date("--end", end, m);
    if (last.isBefore(first)) {
      throw new UsageException(m.get("error.endBeforeStart", end, start));
    }
    DateRange range = new DateRange(first, last);
    Departement dept = departement(m);
    List<DateRange> closureRanges = closures(range, m);
    ProgrammeTemplate programme = template == null ? null : loadTemplate(template, m);
    FrenchCalendar calendars = new FrenchCalendar(new PublicHolidayRules());
    CohortCalendar calendar;
    try {
      calendar =
          programme == null
              ? calendars.calendar(range, dept, closureRanges)
              : calendars.calendar(range, dept, closureRanges, programme);
    } catch (TremplinException e) {
      throw localized(e, programme, calendars, range, dept, closureRanges, m);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.println(json(calendar));
    } else {
      printText(out, calendar, m);
    }
    out.flush();
    return 0;
  }

  /** The refusal of the calendar in the user's language, naming the values it refuses. */
  private RuntimeException localized(
      TremplinException e,
      @Nullable ProgrammeTemplate programme,
      FrenchCalendar calendars,
      DateRange range,
      Departement dept,
      List<DateRange> closureRanges,
      Messages m) {
    if (e.code() == ErrorCode.CALENDAR_INVALID_RANGE) {
      return new UsageException(m.get("error.noHolidayRules", start, end, FrenchCalendar.MAX_DAYS));
    }
    if (programme != null && e.code() == ErrorCode.COHORT_TEMPLATE_EXCEEDS_RANGE) {
      LocalDate programmeEnd =
          calendars.programmeEnd(range.first(), dept, closureRanges, programme);
      return new UsageException(
          m.get(
              "error.templateDoesNotFit",
              template,
              programme.totalWeeks(),
              programmeEnd.toString(),
              end));
    }
    if (programme != null && e.code() == ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR) {
      return new UsageException(m.get("error.templateHours", template));
    }
    return e;
  }

  /** The ISO date {@code text} given to {@code option}, or a usage error naming both. */
  static LocalDate date(String option, String text, Messages m) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(m.get("error.date", option, text));
    }
  }

  private Departement departement(Messages m) {
    try {
      return Departement.of(departement);
    } catch (TremplinException e) {
      throw new UsageException(m.get("error.departement", departement));
    }
  }

  private List<DateRange> closures(DateRange range, Messages m) {
    List<DateRange> result = new ArrayList<>();
    for (String text : closures) {
      DateRange closure;
      try {
        closure = DateRange.parse(text);
      } catch (TremplinException e) {
        throw new UsageException(m.get("error.closure", text));
      }
      if (!closure.overlaps(range)) {
        throw new UsageException(m.get("error.closureOutside", text, start, end));
      }
      result.add(closure);
    }
    return result;
  }

  /** The built-in template with this id, or the template document in this file, validated. */
  static ProgrammeTemplate loadTemplate(String idOrPath, Messages m) {
    String document;
    if (TemplateLibrary.DEFAULT_TEMPLATE_ID.equals(idOrPath)) {
      document = TemplateLibrary.builtInDocument(idOrPath + ".json");
    } else {
      Path path = Path.of(idOrPath);
      if (!Files.isRegularFile(path)) {
        throw new UsageException(
            m.get("error.templateUnknown", idOrPath, TemplateLibrary.DEFAULT_TEMPLATE_ID));
      }
      try {
        document = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException(m.get("error.templateUnreadable", idOrPath, e.getMessage()));
      }
    }
    try {
      ProgrammeTemplate parsed = TemplateCodec.read(document);
      new TemplateValidator(new ResourceCertificationCatalog()).check(parsed);
      return parsed;
    } catch (TremplinException e) {
      throw new UsageException(m.get("error.templateInvalid", idOrPath, e.getMessage()));
    }
  }

  private static String json(CohortCalendar calendar) throws JsonProcessingException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("workingDays", calendar.workingDayCount());
    doc.put("halfDays", calendar.halfDayCount());
    doc.put("plannedHours", calendar.plannedHours());
    doc.put(
        "publicHolidays",
        calendar.publicHolidays().stream().map(h -> h.date().toString()).toList());
    if (!calendar.phases().isEmpty()) {
      List<Map<String, String>> phases = new ArrayList<>();
      for (PhaseSpan p : calendar.phases()) {
        Map<String, String> phase = new LinkedHashMap<>();
        phase.put("name", p.name().fr());
        phase.put("start", p.range().first().toString());
        phase.put("end", p.range().last().toString());
        phases.add(phase);
      }
      doc.put("phases", phases);
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  private static void printText(PrintWriter out, CohortCalendar calendar, Messages m) {
    out.println(
        m.get(
            "calendar.title",
            m.date(calendar.range().first()),
            m.date(calendar.range().last()),
            calendar.departement().code()));
    for (DateRange c : calendar.closures()) {
      out.println(m.get("calendar.closure", m.date(c.first()), m.date(c.last())));
    }
    out.println(m.get("calendar.workingDays", m.number(calendar.workingDayCount())));
    out.println(m.get("calendar.halfDays", m.number(calendar.halfDayCount())));
    out.println(m.get("calendar.plannedHours", m.number(calendar.plannedHours())));
    out.println(m.get("calendar.publicHolidays", m.number(calendar.publicHolidays().size())));
    int width =
        calendar.publicHolidays().stream().mapToInt(h -> m.date(h.date()).length()).max().orElse(0);
    for (PublicHoliday h : calendar.publicHolidays()) {
      out.println("  " + pad(m.date(h.date()), width) + "  " + h.name().in(m.locale()));
    }
    if (!calendar.phases().isEmpty()) {
      out.println(m.get("calendar.phases", m.number(calendar.phases().size())));
      int nameWidth =
          calendar.phases().stream()
              .mapToInt(p -> p.name().in(m.locale()).length())
              .max()
              .orElse(0);
      for (PhaseSpan p : calendar.phases()) {
        out.println(
            "  "
                + pad(p.name().in(m.locale()), nameWidth)
                + "  "
                + m.get(
                    "calendar.phase",
                    m.date(p.range().first()),
                    m.date(p.range().last()),
                    m.number(p.workingDays())));
      }
    }
  }

  static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
