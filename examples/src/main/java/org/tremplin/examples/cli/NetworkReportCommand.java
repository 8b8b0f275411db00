package org.tremplin.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.ReportScope;
import org.tremplin.core.Tremplin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin report network}: the yearly review's figures and the Grande École du Numérique
 * indicators of every school and every département, side by side, and of the whole network, read as
 * a network administrator (pseudonymous references only). JSON, or CSV with one column per school,
 * per département and the network ({@code --details}: one row per figure and learner, with the
 * column's scope in front). Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class NetworkReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--year", required = true, paramLabel = "YYYY")
  String year = "";

  @Option(names = "--format", paramLabel = "json|csv", defaultValue = "json")
  ReportFormat format = ReportFormat.JSON;

  @Option(names = "--details")
  boolean details;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Override
  public Integer call() throws IOException {
    Messages m = lang.messages();
    int y = YearlyReportCommand.year(year, m);
    Tremplin tremplin = YearlyReportCommand.open(configFile, m);
    NetworkView v = tremplin.reports().networkView(ReportReader.NETWORK_ADMIN, y);
    PrintWriter out = spec.commandLine().getOut();
    if (format == ReportFormat.JSON) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("year", v.year());
      doc.put("schools", v.schools().stream().map(c -> json(c)).toList());
      doc.put("departements", v.departements().stream().map(c -> json(c)).toList());
      doc.put("network", json(v.network()));
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    } else if (details) {
      ReportOutput.CsvRows rows =
          ReportOutput.csv(out, m, m.get("report.network.scope"), m.get("report.network.label"));
      for (NetworkView.Column c : columns(v)) {
        ReportOutput.CsvRows scoped = rows.with(kind(c.scope()), c.label());
        YearlyReportCommand.review(scoped, c.review(), true, m);
        GenReportCommand.csv(scoped, c.gen(), true, m);
      }
      rows.printer().flush();
    } else {
      wide(out, v, m);
    }
    out.flush();
    return 0;
  }

  private Map<String, Object> json(NetworkView.Column c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scope", kind(c.scope()));
    if (c.scope() instanceof ReportScope.OfSchool s) {
      out.put("school", s.school().value().toString());
    }
    out.put("label", c.label());
    out.put("review", YearlyReportCommand.review(c.review(), details));
    out.put("gen", GenReportCommand.json(c.gen(), details));
    return out;
  }

  private static List<NetworkView.Column> columns(NetworkView v) {
    List<NetworkView.Column> all = new ArrayList<>(v.schools());
    all.addAll(v.departements());
    all.add(v.network());
    return all;
  }

  private static String kind(ReportScope scope) {
    if (scope instanceof ReportScope.OfSchool) {
      return "school";
    }
    return scope instanceof ReportScope.OfDepartement ? "departement" : "network";
  }

  /** One row per figure, one column per school, per département and the network. */
  private static void wide(PrintWriter out, NetworkView v, Messages m) throws IOException {
    List<NetworkView.Column> columns = columns(v);
    List<List<CSVRecord>> values = new ArrayList<>();
    for (NetworkView.Column c : columns) {
      StringWriter one = new StringWriter();
      ReportOutput.CsvRows rows = ReportOutput.csv(new PrintWriter(one), m);
      YearlyReportCommand.review(rows, c.review(), false, m);
      GenReportCommand.csv(rows, c.gen(), false, m);
      rows.printer().flush();
      values.add(
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(rows.french() ? ';' : ',')
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(one.toString()))
              .getRecords());
    }
    List<String> header = new ArrayList<>();
    header.add(m.get("report.csv.code"));
    header.add(m.get("report.csv.indicator"));
    for (NetworkView.Column c : columns) {
      header.add(
          c.scope() instanceof ReportScope.Network ? m.get("report.network.network") : c.label());
    }
    boolean french = m.locale().getLanguage().equals("fr");
    CSVPrinter printer =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setDelimiter(french ? ';' : ',')
                .setRecordSeparator("\n")
                .setHeader(header.toArray(String[]::new))
                .get());
    List<CSVRecord> first = values.get(0);
    for (int i = 0; i < first.size(); i++) {
      List<String> cells = new ArrayList<>();
      cells.add(first.get(i).get(0));
      cells.add(first.get(i).get(1));
      for (List<CSVRecord> column : values) {
        cells.add(column.get(i).get(2));
      }
      printer.printRecord(cells);
    }
    printer.flush();
  }
}
