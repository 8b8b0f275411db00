package org.tremplin.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.report.Figure;
import org.tremplin.api.report.GenIndicators;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin report gen}: the Grande École du Numérique indicators of a calendar year
 * (entries, completions, titles in full and in part, shares of women, NEET, QPV residents, at or
 * below the bac, under 26 at entry, situation six months after the exit) for a school ({@code
 * --school}), a département ({@code --departement}) or the whole network (neither), as JSON or CSV.
 * A school is read as its manager unless {@code --as admin}; a département or the network as a
 * network administrator (pseudonymous references only). Not thread-safe (picocli fills its fields).
 */
@Command(name = "gen", mixinStandardHelpOptions = true, versionProvider = TremplinCli.Version.class)
public final class GenReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--school", paramLabel = "ID|NAME")
  @Nullable String school;

  @Option(names = "--departement", paramLabel = "CODE")
  @Nullable String departement;

  @Option(names = "--year", required = true, paramLabel = "YYYY")
  String year = "";

  @Option(names = "--format", paramLabel = "json|csv", defaultValue = "json")
  ReportFormat format = ReportFormat.JSON;

  @Option(names = "--details")
  boolean details;

  @Option(names = "--as", paramLabel = "manager|admin", defaultValue = "manager")
  ReportReader reader = ReportReader.MANAGER;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Override
  public Integer call() throws IOException {
    Messages m = lang.messages();
    int y = YearlyReportCommand.year(year, m);
    if (school != null && departement != null) {
      throw new UsageException(m.get("report.error.schoolOrDepartement"));
    }
    Tremplin tremplin = YearlyReportCommand.open(configFile, m);
    ReportScope scope;
    Actor actor;
    Map<String, Object> scopeJson = new LinkedHashMap<>();
    if (school != null) {
      School chosen = YearlyReportCommand.school(tremplin, school, m);
      scope = new ReportScope.OfSchool(chosen.id());
      actor = reader.actor(chosen.id());
      scopeJson.put("school", Map.of("id", chosen.id().value().toString(), "name", chosen.name()));
    } else if (departement != null) {
      scope = new ReportScope.OfDepartement(departement(departement, m));
      actor = ReportReader.NETWORK_ADMIN;
      scopeJson.put("departement", departement.strip());
    } else {
      scope = new ReportScope.Network();
      actor = ReportReader.NETWORK_ADMIN;
      scopeJson.put("network", true);
    }
    GenIndicators g = tremplin.reports().genIndicators(actor, scope, y);
    PrintWriter out = spec.commandLine().getOut();
    if (format == ReportFormat.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("scope", scopeJson);
      doc.put("year", g.year());
      doc.putAll(json(g, details));
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } else {
      ReportOutput.CsvRows rows = ReportOutput.csv(out, m);
      csv(rows, g, details, m);
      rows.printer().flush();
    }
    out.flush();
    return 0;
  }

  private static Departement departement(String code, Messages m) {
    try {
      return Departement.of(code.strip());
    } catch (TremplinException e) {
      throw new UsageException(m.get("report.error.departement", code));
    }
  }

  /** The indicators as JSON fields, with stable names. */
  static Map<String, Object> json(GenIndicators g, boolean details) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("entries", ReportOutput.figure(g.entries(), details));
    doc.put("withoutFunderFacts", ReportOutput.figure(g.withoutFunderFacts(), details));
    doc.put("completions", ReportOutput.figure(g.completions(), details));
    doc.put("fullTitles", ReportOutput.figure(g.fullTitles(), details));
    doc.put("partialTitles", ReportOutput.figure(g.partialTitles(), details));
    Map<String, Object> shares = new LinkedHashMap<>();
    shares.put("women", share(g, g.women(), details));
    shares.put("neet", share(g, g.neet(), details));
    shares.put("qpvResidents", share(g, g.qpvResidents(), details));
    shares.put("atOrBelowBac", share(g, g.atOrBelowBac(), details));
    shares.put("under26", share(g, g.under26(), details));
    doc.put("sharesOfEntries", shares);
    doc.put("leavers", ReportOutput.figure(g.leavers(), details));
    Map<String, Object> six = new LinkedHashMap<>();
    g.situationAtSixMonths().forEach((c, f) -> six.put(c.name(), ReportOutput.figure(f, details)));
    doc.put("situationAtSixMonths", six);
    doc.put("followUpPending", ReportOutput.figure(g.followUpPending(), details));
    doc.put("dynamicAtSixMonths", ReportOutput.rate(g.dynamicAtSixMonths()));
    doc.put("durableAtSixMonths", ReportOutput.rate(g.durableAtSixMonths()));
    return doc;
  }

  private static Map<String, Object> share(GenIndicators g, Figure f, boolean details) {
    Map<String, Object> out = ReportOutput.rate(g.shareOfEntries(f));
    if (details) {
      out.put("learners", ReportOutput.figure(f, true).get("learners"));
    }
    return out;
  }

  /** The indicators as CSV rows: counts, then each share's percentage. */
  static void csv(ReportOutput.CsvRows rows, GenIndicators g, boolean details, Messages m)
      throws IOException {
    rows.figure("gen.entries", m.get("report.gen.entries"), g.entries(), details);
    rows.figure(
        "gen.withoutFunderFacts",
        m.get("report.gen.withoutFunderFacts"),
        g.withoutFunderFacts(),
        details);
    rows.figure("gen.completions", m.get("report.gen.completions"), g.completions(), details);
    rows.figure("gen.fullTitles", m.get("report.gen.fullTitles"), g.fullTitles(), details);
    rows.figure("gen.partialTitles", m.get("report.gen.partialTitles"), g.partialTitles(), details);
    share(rows, "women", g, g.women(), details, m);
    share(rows, "neet", g, g.neet(), details, m);
    share(rows, "qpvResidents", g, g.qpvResidents(), details, m);
    share(rows, "atOrBelowBac", g, g.atOrBelowBac(), details, m);
    share(rows, "under26", g, g.under26(), details, m);
    rows.figure("gen.leavers", m.get("report.leavers"), g.leavers(), details);
    for (ExitCategory c : ExitCategory.values()) {
      rows.figure(
          "gen.sixMonths." + c.name(),
          m.get("report.gen.sixMonths", m.get("exit.category." + c.name())),
          g.situationAtSixMonths().get(c),
          details);
    }
    rows.figure(
        "gen.followUpPending", m.get("report.gen.followUpPending"), g.followUpPending(), details);
    rows.rate(
        "gen.sixMonths.rate.dynamic",
        m.get("report.gen.sixMonths.dynamic"),
        g.dynamicAtSixMonths());
    rows.rate(
        "gen.sixMonths.rate.durable",
        m.get("report.gen.sixMonths.durable"),
        g.durableAtSixMonths());
  }

  private static void share(
      ReportOutput.CsvRows rows,
      String code,
      GenIndicators g,
      Figure f,
      boolean details,
      Messages m)
      throws IOException {
    String label = m.get("report.gen." + code);
    rows.row("gen." + code, label, Optional.of(BigDecimal.valueOf(f.count())), null);
    rows.rate("gen." + code + ".percent", m.get("report.gen.share", label), g.shareOfEntries(f));
    if (details) {
      for (var l : f.learners()) {
        rows.row("gen." + code, label, Optional.of(BigDecimal.ONE), l);
      }
    }
  }
}
