package org.tremplin.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.report.AttendanceProof;
import org.tremplin.core.Tremplin;
import org.tremplin.core.report.document.AttendanceProofDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin report attendance}: the attendance proof of a cohort over a period, as CSV (one
 * row per stored version of each learner's half-day, then one total row per learner) or as a PDF a
 * funder can file ({@link AttendanceProofDocuments}). Read as the manager of the cohort's school.
 * Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "attendance",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class AttendanceReportCommand implements Callable<Integer> {
  /** The proof's output formats. */
  public enum Format {
    /** One row per version of a learner's half-day, then one total row per learner. */
    CSV,
    /** A paginated PDF: a table per week, totals, corrections. */
    PDF
  }

  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--cohort", required = true, paramLabel = "ID")
  String cohort = "";

  @Option(names = "--from", required = true, paramLabel = "DATE")
  String from = "";

  @Option(names = "--to", required = true, paramLabel = "DATE")
  String to = "";

  @Option(names = "--format", paramLabel = "csv|pdf", defaultValue = "csv")
  Format format = Format.CSV;

  @Option(names = "--out", paramLabel = "FILE")
  @Nullable Path out;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Override
  public Integer call() throws IOException {
    Messages m = lang.messages();
    LocalDate first = date("--from", from, m);
    LocalDate last = date("--to", to, m);
    if (last.isBefore(first)) {
      throw new UsageException(m.get("report.error.period", from, to));
    }
    if (format == Format.PDF && out == null) {
      throw new UsageException(m.get("report.error.pdfNeedsOut"));
    }
    CohortId id = cohortId(cohort, m);
    Tremplin tremplin = YearlyReportCommand.open(configFile, m);
    Cohort c;
    try {
      c = tremplin.cohorts().get(ReportReader.NETWORK_ADMIN, id);
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.COHORT_NOT_FOUND) {
        throw new UsageException(m.get("report.error.cohortUnknown", cohort));
      }
      throw e;
    }
    AttendanceProof proof =
        tremplin
            .reports()
            .attendanceProof(
                ReportReader.MANAGER.actor(c.school()), id, new DateRange(first, last));
    if (format == Format.PDF) {
      Path file = out;
      try (OutputStream os = Files.newOutputStream(file)) {
        AttendanceProofDocuments.writePdf(proof, m.locale(), tremplin.clock().getZone(), os);
      }
      spec.commandLine().getOut().println(m.get("report.written", file));
    } else if (out != null) {
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        csv(new PrintWriter(w), proof, tremplin.clock().getZone(), m);
      }
      spec.commandLine().getOut().println(m.get("report.written", out));
    } else {
      csv(spec.commandLine().getOut(), proof, tremplin.clock().getZone(), m);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static CohortId cohortId(String text, Messages m) {
    try {
      return new CohortId(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(m.get("report.error.cohortUnknown", text));
    }
  }

  /** An ISO date, or a French one ({@code dd/MM/yyyy}). */
  static LocalDate date(String option, String text, Messages m) {
    String t = text.strip();
    try {
      return t.contains("/")
          ? LocalDate.parse(t, DateTimeFormatter.ofPattern("dd/MM/uuuu"))
          : LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new UsageException(m.get("report.error.date", option, text));
    }
  }

  /**
   * The proof as CSV, its times in the schools' zone, as {@link AttendanceProofDocuments} writes
   * it.
   */
  static void csv(PrintWriter w, AttendanceProof proof, ZoneId zone, Messages m)
      throws IOException {
    AttendanceProofDocuments.writeCsv(proof, m.locale(), zone, w);
  }
}
