package org.tremplin.core.report.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.report.AttendanceProof;

/**
 * The attendance proof as a PDF and as a CSV, in French (the default) or English.
 *
 * <p>The PDF (OpenPDF, ADR 0013): A4 landscape; a title, the school, the cohort, the period and the
 * day it was generated; one table per week (a row per learner, a column per half-day, the mark's
 * code, {@code *} when corrected); the totals per learner; every correction with who, when and why;
 * the key of the codes; on every page's foot the cohort, the generation date and the page number.
 * Its texts are set in DejaVu Sans, embedded (subset) from this package's resources, so names in
 * any script DejaVu covers (Latin with Vietnamese diacritics, Greek, Cyrillic, Arabic letters…)
 * print as written (ADR 0018); right-to-left scripts are printed letter by letter, not shaped.
 *
 * <p>The CSV: one row per stored version of each learner's half-day ({@code not marked} rows for
 * empty half-days), then one total row per learner; French uses {@code ;} and decimal commas,
 * English {@code ,} and points. Times are shown in the schools' time zone (given; {@link #PARIS} by
 * default).
 *
 * <p>Stateless and thread-safe (each PDF reads its own copy of the font).
 */
public final class AttendanceProofDocuments {
  /** The schools' time zone, in which the proof's times are shown. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final String BUNDLE = "org.tremplin.core.report.document.texts";
  private static final Color HEADER = new Color(0xE8, 0xEE, 0xF4);
  private static final byte[] REGULAR = font("DejaVuSans.ttf");
  private static final byte[] BOLD_FACE = font("DejaVuSans-Bold.ttf");

  private AttendanceProofDocuments() {}

  private static byte[] font(String name) {
    try (InputStream in = AttendanceProofDocuments.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the font " + name + " is missing from tremplin-core");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("the font " + name + " cannot be read", e);
    }
  }

  /** The texts of one language: English for {@code en}, French otherwise. */
  private record Texts(Locale locale, ResourceBundle bundle) {
    static Texts of(Locale requested) {
      Locale locale = requested.getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH;
      return new Texts(
          locale,
          ResourceBundle.getBundle(
              BUNDLE,
              locale,
              AttendanceProofDocuments.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    String get(String key, Object... args) {
      String pattern = bundle.getString("proof." + key);
      return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    boolean french() {
      return locale.getLanguage().equals("fr");
    }
  }

  /** The four faces of one document, from its own copy of the embedded fonts. */
  private record Fonts(Font title, Font bold, Font text, Font small) {
    static Fonts load() {
      try {
        BaseFont regular =
            BaseFont.createFont(
                "DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, REGULAR, null);
        BaseFont bold =
            BaseFont.createFont(
                "DejaVuSans-Bold.ttf",
                BaseFont.IDENTITY_H,
                BaseFont.EMBEDDED,
                false,
                BOLD_FACE,
                null);
        return new Fonts(
            new Font(bold, 16), new Font(bold, 9), new Font(regular, 9), new Font(regular, 8));
      } catch (DocumentException | IOException e) {
        throw new IllegalStateException("the embedded fonts cannot be loaded", e);
      }
    }
  }

  /**
   * Writes the proof as a PDF.
   *
   * @param proof the proof
   * @param locale the language of its texts ({@code en} for English, anything else French)
   * @param out where to write (not closed)
   * @throws IOException when the PDF cannot be written
   */
  public static void writePdf(AttendanceProof proof, Locale locale, OutputStream out)
      throws IOException {
    writePdf(proof, locale, PARIS, out);
  }

  /**
   * Writes the proof as a PDF, its times in a zone.
   *
   * @param proof the proof
   * @param locale the language of its texts ({@code en} for English, anything else French)
   * @param zone the schools' zone, where its times are shown (ADR 0024)
   * @param out where to write (not closed)
   * @throws IOException when the PDF cannot be written
   */
  public static void writePdf(AttendanceProof proof, Locale locale, ZoneId zone, OutputStream out)
      throws IOException {
    Texts m = Texts.of(locale);
    Fonts f = Fonts.load();
    DateTimeFormatter longDate =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(m.locale());
    DateTimeFormatter stamp =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(m.locale());
    String generated = stamp.format(proof.generatedAt().atZone(zone));
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 48);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setCloseStream(false);
      String foot =
          m.get("attendance.title")
              + " — "
              + proof.school().name()
              + " — "
              + proof.cohort().name()
              + " — "
              + m.get("attendance.generated", generated)
              + " — ";
      writer.setPageEvent(
          new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
              ColumnText.showTextAligned(
                  w.getDirectContent(),
                  Element.ALIGN_CENTER,
                  new Phrase(
                      foot + m.get("attendance.page", String.valueOf(w.getPageNumber())),
                      f.small()),
                  (d.left() + d.right()) / 2,
                  d.bottom() - 24,
                  0);
            }
          });
      doc.addTitle(m.get("attendance.title") + " — " + proof.cohort().name());
      doc.addCreator("Tremplin");
      doc.open();
      doc.add(new Paragraph(m.get("attendance.title"), f.title()));
      doc.add(new Paragraph(m.get("attendance.school", proof.school().name()), f.text()));
      doc.add(new Paragraph(m.get("attendance.cohort", proof.cohort().name()), f.text()));
      doc.add(
          new Paragraph(
              m.get(
                  "attendance.period",
                  longDate.format(proof.period().first()),
                  longDate.format(proof.period().last())),
              f.text()));
      doc.add(new Paragraph(m.get("attendance.generated", generated), f.text()));

      for (Map.Entry<LocalDate, List<Integer>> week : weeks(proof).entrySet()) {
        Paragraph heading =
            new Paragraph(m.get("attendance.week", longDate.format(week.getKey())), f.bold());
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        doc.add(heading);
        doc.add(weekTable(proof, week.getValue(), m, f));
      }

      Paragraph totals = new Paragraph(m.get("attendance.totals"), f.bold());
      totals.setSpacingBefore(10);
      totals.setSpacingAfter(4);
      doc.add(totals);
      doc.add(totalsTable(proof, m, f));

      Paragraph corrections = new Paragraph(m.get("attendance.corrections"), f.bold());
      corrections.setSpacingBefore(10);
      doc.add(corrections);
      boolean any = false;
      for (AttendanceProof.Sheet s : proof.learners()) {
        for (AttendanceProof.Line line : s.lines()) {
          List<AttendanceRecord> v = line.versions();
          for (int i = 1; i < v.size(); i++) {
            any = true;
            doc.add(
                new Paragraph(
                    m.get(
                        "attendance.correction",
                        s.learner().displayName(),
                        longDate.format(line.halfDay().date()),
                        m.get("attendance.part." + line.halfDay().part().name()),
                        m.get("attendance.mark." + v.get(i - 1).mark().mark().name()),
                        m.get("attendance.mark." + v.get(i).mark().mark().name()),
                        v.get(i).recordedBy(),
                        stamp.format(v.get(i).recordedAt().atZone(zone)),
                        v.get(i).reason()),
                    f.text()));
          }
        }
      }
      if (!any) {
        doc.add(new Paragraph(m.get("attendance.noCorrection"), f.text()));
      }
      List<String> key = new ArrayList<>();
      for (Mark mark : Mark.values()) {
        key.add(
            m.get("attendance.code." + mark.name())
                + " "
                + m.get("attendance.mark." + mark.name()));
      }
      Paragraph legend =
          new Paragraph(m.get("attendance.legend", String.join(", ", key)), f.small());
      legend.setSpacingBefore(10);
      doc.add(legend);
      doc.close();
    } catch (DocumentException e) {
      throw new IOException("the attendance proof's PDF could not be written", e);
    }
  }

  /** The indexes of the proof's half-days, by the Monday of their week, in order. */
  private static TreeMap<LocalDate, List<Integer>> weeks(AttendanceProof proof) {
    TreeMap<LocalDate, List<Integer>> weeks = new TreeMap<>();
    for (int i = 0; i < proof.halfDays().size(); i++) {
      LocalDate monday =
          proof.halfDays().get(i).date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      weeks.computeIfAbsent(monday, k -> new ArrayList<>()).add(i);
    }
    return weeks;
  }

  private static PdfPTable weekTable(
      AttendanceProof proof, List<Integer> columns, Texts m, Fonts f) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE dd/MM", m.locale());
    PdfPTable table = new PdfPTable(columns.size() + 1);
    table.setWidthPercentage(100);
    float[] widths = new float[columns.size() + 1];
    widths[0] = 4;
    for (int i = 1; i < widths.length; i++) {
      widths[i] = 1;
    }
    table.setWidths(widths);
    table.setHeaderRows(1);
    table.addCell(header(m.get("attendance.learner"), f));
    for (int i : columns) {
      HalfDay d = proof.halfDays().get(i);
      table.addCell(
          header(day.format(d.date()) + "\n" + m.get("attendance.part." + d.part().name()), f));
    }
    for (AttendanceProof.Sheet s : proof.learners()) {
      table.addCell(new PdfPCell(new Phrase(s.learner().displayName(), f.text())));
      for (int i : columns) {
        AttendanceProof.Line line = s.lines().get(i);
        String text =
            line.current()
                .map(
                    r ->
                        m.get("attendance.code." + r.mark().mark().name())
                            + (r.mark().lateMinutes() > 0 ? " " + r.mark().lateMinutes() + "'" : "")
                            + (line.versions().size() > 1 ? "*" : ""))
                .orElse("—");
        PdfPCell cell = new PdfPCell(new Phrase(text, f.text()));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(cell);
      }
    }
    return table;
  }

  private static PdfPTable totalsTable(AttendanceProof proof, Texts m, Fonts f) {
    PdfPTable table = new PdfPTable(7);
    table.setWidthPercentage(100);
    table.setWidths(new float[] {4, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f});
    table.setHeaderRows(1);
    table.addCell(header(m.get("attendance.learner"), f));
    for (String k :
        List.of("attended", "justified", "unjustified", "unmarked", "corrections", "hours")) {
      table.addCell(header(m.get("attendance.csv." + k), f));
    }
    for (AttendanceProof.Sheet s : proof.learners()) {
      table.addCell(new PdfPCell(new Phrase(s.learner().displayName(), f.text())));
      String hours = s.attendedHours().toPlainString();
      for (Object v :
          List.of(
              s.attended(),
              s.justifiedAbsences(),
              s.unjustifiedAbsences(),
              s.unmarked(),
              s.corrections(),
              m.french() ? hours.replace('.', ',') : hours)) {
        PdfPCell cell = new PdfPCell(new Phrase(String.valueOf(v), f.text()));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
      }
    }
    return table;
  }

  private static PdfPCell header(String text, Fonts f) {
    PdfPCell cell = new PdfPCell(new Phrase(text, f.bold()));
    cell.setBackgroundColor(HEADER);
    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
    return cell;
  }

  /**
   * Writes the proof as CSV: a row per stored version (or per unmarked half-day), then the totals.
   *
   * @param proof the proof
   * @param locale the language of its texts and numbers ({@code en} for English, else French)
   * @param out where to write (flushed, not closed)
   * @throws IOException when writing fails
   */
  public static void writeCsv(AttendanceProof proof, Locale locale, Appendable out)
      throws IOException {
    writeCsv(proof, locale, PARIS, out);
  }

  /**
   * Writes the proof as CSV, its times in a zone.
   *
   * @param proof the proof
   * @param locale the language of its texts and numbers ({@code en} for English, else French)
   * @param zone the schools' zone, where its times are shown (ADR 0024)
   * @param out where to write (flushed, not closed)
   * @throws IOException when it cannot be written
   */
  public static void writeCsv(AttendanceProof proof, Locale locale, ZoneId zone, Appendable out)
      throws IOException {
    Texts m = Texts.of(locale);
    List<String> header = new ArrayList<>();
    for (String k :
        List.of(
            "kind",
            "date",
            "part",
            "mark",
            "late",
            "version",
            "recordedBy",
            "recordedAt",
            "reason",
            "current",
            "attended",
            "justified",
            "unjustified",
            "unmarked",
            "corrections",
            "hours")) {
      header.add(m.get("attendance.csv." + k));
    }
    header.add(1, m.get("csv.learner"));
    header.add(2, m.get("csv.name"));
    CSVPrinter p =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setDelimiter(m.french() ? ';' : ',')
                .setRecordSeparator("\n")
                .setHeader(header.toArray(String[]::new))
                .get());
    DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    String markKind = m.get("attendance.csv.kind.mark");
    for (AttendanceProof.Sheet s : proof.learners()) {
      String learner = s.learner().learner().value().toString();
      String name = s.learner().displayName();
      for (AttendanceProof.Line line : s.lines()) {
        String date = line.halfDay().date().toString();
        String part = m.get("attendance.part." + line.halfDay().part().name());
        if (line.versions().isEmpty()) {
          List<Object> row = new ArrayList<>(List.of(markKind, learner, name, date, part));
          row.add(m.get("attendance.unmarked"));
          pad(row, 18);
          p.printRecord(row);
          continue;
        }
        for (AttendanceRecord r : line.versions()) {
          boolean current = r.version() == line.versions().size();
          List<Object> row =
              new ArrayList<>(
                  List.of(
                      markKind,
                      learner,
                      name,
                      date,
                      part,
                      m.get("attendance.mark." + r.mark().mark().name()),
                      r.mark().lateMinutes() == 0 ? "" : String.valueOf(r.mark().lateMinutes()),
                      r.version(),
                      r.recordedBy(),
                      at.format(r.recordedAt().atZone(zone)),
                      r.reason(),
                      m.get(current ? "attendance.yes" : "attendance.no")));
          pad(row, 18);
          p.printRecord(row);
        }
      }
    }
    for (AttendanceProof.Sheet s : proof.learners()) {
      String hours = s.attendedHours().toPlainString();
      List<Object> row =
          new ArrayList<>(
              List.of(
                  m.get("attendance.csv.kind.total"),
                  s.learner().learner().value().toString(),
                  s.learner().displayName(),
                  proof.period().first() + "/" + proof.period().last()));
      pad(row, 12);
      row.addAll(
          List.of(
              s.attended(),
              s.justifiedAbsences(),
              s.unjustifiedAbsences(),
              s.unmarked(),
              s.corrections(),
              m.french() ? hours.replace('.', ',') : hours));
      p.printRecord(row);
    }
    p.flush();
  }

  private static void pad(List<Object> row, int size) {
    while (row.size() < size) {
      row.add("");
    }
  }
}
