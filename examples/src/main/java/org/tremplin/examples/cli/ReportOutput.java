package org.tremplin.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.report.Rate;

/**
 * What the {@code report} commands print alike: a counted learner, a figure and a rate in JSON, and
 * the rows of a figures CSV. A pseudonymous learner prints as its reference only. Stateless.
 */
final class ReportOutput {
  private ReportOutput() {}

  static Map<String, Object> learner(CountedLearner l) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (pseudonymous(l)) {
      out.put("reference", l.reference());
      out.put("cohort", l.cohort().value().toString());
      return out;
    }
    out.put("learner", l.learner().value().toString());
    out.put("cohort", l.cohort().value().toString());
    out.put("name", l.displayName());
    out.put("reference", l.reference());
    return out;
  }

  static boolean pseudonymous(CountedLearner l) {
    return l.displayName().equals(l.reference());
  }

  static Map<String, Object> figure(Figure f, boolean details) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", f.count());
    if (details) {
      out.put("learners", f.learners().stream().map(ReportOutput::learner).toList());
    }
    return out;
  }

  static Map<String, Object> rate(Rate r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", r.count());
    out.put("outOf", r.outOf());
    out.put("percent", r.percent().orElse(null));
    return out;
  }

  /** A figures CSV: code, label, value, then the learner counted (with {@code --details}). */
  static CsvRows csv(PrintWriter out, Messages m, String... leadingColumns) throws IOException {
    boolean french = m.locale().getLanguage().equals("fr");
    String[] header = new String[leadingColumns.length + 7];
    System.arraycopy(leadingColumns, 0, header, 0, leadingColumns.length);
    int i = leadingColumns.length;
    header[i++] = m.get("report.csv.code");
    header[i++] = m.get("report.csv.indicator");
    header[i++] = m.get("report.csv.value");
    header[i++] = m.get("report.csv.learner");
    header[i++] = m.get("report.csv.cohort");
    header[i++] = m.get("report.csv.name");
    header[i] = m.get("report.csv.reference");
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(french ? ';' : ',')
            .setRecordSeparator("\n")
            .setHeader(header)
            .get();
    return new CsvRows(new CSVPrinter(out, format), french, new String[0]);
  }

  /**
   * Rows of a figures CSV: numbers in the language's decimal style, empty when there is none; the
   * leading columns (e.g. the school of a network view) repeated on every row.
   */
  record CsvRows(CSVPrinter printer, boolean french, String[] leading) {
    CsvRows with(String... leadingValues) {
      return new CsvRows(printer, french, leadingValues);
    }

    void figure(String code, String label, Figure f, boolean details) throws IOException {
      row(code, label, Optional.of(BigDecimal.valueOf(f.count())), null);
      if (details) {
        for (CountedLearner l : f.learners()) {
          row(code, label, Optional.of(BigDecimal.ONE), l);
        }
      }
    }

    void rate(String code, String label, Rate rate) throws IOException {
      row(code, label, rate.percent(), null);
    }

    void row(String code, String label, Optional<BigDecimal> value, @Nullable CountedLearner l)
        throws IOException {
      String number = value.map(BigDecimal::toPlainString).orElse("");
      boolean named = l != null && !pseudonymous(l);
      Object[] cells = new Object[leading.length + 7];
      System.arraycopy(leading, 0, cells, 0, leading.length);
      int i = leading.length;
      cells[i++] = code;
      cells[i++] = label;
      cells[i++] = french ? number.replace('.', ',') : number;
      cells[i++] = named ? l.learner().value().toString() : "";
      cells[i++] = l == null ? "" : l.cohort().value().toString();
      cells[i++] = named ? l.displayName() : "";
      cells[i] = l == null ? "" : l.reference();
      printer.printRecord(cells);
    }
  }
}
