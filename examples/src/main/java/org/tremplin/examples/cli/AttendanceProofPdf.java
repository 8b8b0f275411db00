package org.tremplin.examples.cli;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
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
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.report.AttendanceProof;

/**
 * The attendance proof as a PDF a funder can file (OpenPDF, ADR 0013): A4 landscape; a title, the
 * school, the cohort, the period and the day it was generated; one table per week (a row per
 * learner, a column per half-day, the mark's code, {@code *} when corrected); the totals per
 * learner; every correction with who, when and why; the key of the codes; on every page's foot the
 * cohort, the generation date and the page number. Texts in the run's language. Stateless.
 */
final class AttendanceProofPdf {
  private AttendanceProofPdf() {}

  private static final Font TITLE = font(16, Font.BOLD);
  private static final Font BOLD = font(9, Font.BOLD);
  private static final Font TEXT = font(9, Font.NORMAL);
  private static final Font SMALL = font(8, Font.NORMAL);
  private static final Color HEADER = new Color(0xE8, 0xEE, 0xF4);

  /** Helvetica in the Windows-1252 encoding: French accents, no embedding needed. */
  private static Font font(float size, int style) {
    return FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, false, size, style);
  }

  /**
   * Writes the proof.
   *
   * @param proof the proof
   * @param m the texts of the run's language
   * @param out where to write (not closed)
   * @throws IOException when the PDF cannot be written
   */
  static void write(AttendanceProof proof, Messages m, OutputStream out) throws IOException {
    DateTimeFormatter longDate =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(m.locale());
    DateTimeFormatter stamp =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(m.locale());
    String generated = stamp.format(proof.generatedAt().atZone(AttendanceReportCommand.PARIS));
    Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 48);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      writer.setCloseStream(false);
      String foot =
          m.get("report.attendance.title")
              + " — "
              + proof.school().name()
              + " — "
              + proof.cohort().name()
              + " — "
              + m.get("report.attendance.generated", generated)
              + " — ";
      writer.setPageEvent(
          new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
              ColumnText.showTextAligned(
                  w.getDirectContent(),
                  Element.ALIGN_CENTER,
                  new Phrase(
                      foot + m.get("report.attendance.page", String.valueOf(w.getPageNumber())),
                      SMALL),
                  (d.left() + d.right()) / 2,
                  d.bottom() - 24,
                  0);
            }
          });
      doc.addTitle(m.get("report.attendance.title") + " — " + proof.cohort().name());
      doc.addCreator("Tremplin");
      doc.open();
      doc.add(new Paragraph(m.get("report.attendance.title"), TITLE));
      doc.add(new Paragraph(m.get("report.attendance.school", proof.school().name()), TEXT));
      doc.add(new Paragraph(m.get("report.attendance.cohort", proof.cohort().name()), TEXT));
      doc.add(
          new Paragraph(
              m.get(
                  "report.attendance.period",
                  longDate.format(proof.period().first()),
                  longDate.format(proof.period().last())),
              TEXT));
      doc.add(new Paragraph(m.get("report.attendance.generated", generated), TEXT));

      for (Map.Entry<LocalDate, List<Integer>> week : weeks(proof).entrySet()) {
        Paragraph heading =
            new Paragraph(m.get("report.attendance.week", longDate.format(week.getKey())), BOLD);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        doc.add(heading);
        doc.add(weekTable(proof, week.getValue(), m));
      }

      Paragraph totals = new Paragraph(m.get("report.attendance.totals"), BOLD);
      totals.setSpacingBefore(10);
      totals.setSpacingAfter(4);
      doc.add(totals);
      doc.add(totalsTable(proof, m));

      Paragraph corrections = new Paragraph(m.get("report.attendance.corrections"), BOLD);
      corrections.setSpacingBefore(10);
      doc.add(corrections);
      DateTimeFormatter at = stamp;
      boolean any = false;
      for (AttendanceProof.Sheet s : proof.learners()) {
        for (AttendanceProof.Line line : s.lines()) {
          List<AttendanceRecord> v = line.versions();
          for (int i = 1; i < v.size(); i++) {
            any = true;
            doc.add(
                new Paragraph(
                    m.get(
                        "report.attendance.correction",
                        s.learner().displayName(),
                        longDate.format(line.halfDay().date()),
                        m.get("report.attendance.part." + line.halfDay().part().name()),
                        m.get("report.attendance.mark." + v.get(i - 1).mark().mark().name()),
                        m.get("report.attendance.mark." + v.get(i).mark().mark().name()),
                        v.get(i).recordedBy(),
                        at.format(v.get(i).recordedAt().atZone(AttendanceReportCommand.PARIS)),
                        v.get(i).reason()),
                    TEXT));
          }
        }
      }
      if (!any) {
        doc.add(new Paragraph(m.get("report.attendance.noCorrection"), TEXT));
      }
      List<String> key = new ArrayList<>();
      for (Mark mark : Mark.values()) {
        key.add(
            m.get("report.attendance.code." + mark.name())
                + " "
                + m.get("report.attendance.mark." + mark.name()));
      }
      Paragraph legend =
          new Paragraph(m.get("report.attendance.legend", String.join(", ", key)), SMALL);
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

  private static PdfPTable weekTable(AttendanceProof proof, List<Integer> columns, Messages m) {
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
    table.addCell(header(m.get("report.attendance.learner")));
    for (int i : columns) {
      HalfDay d = proof.halfDays().get(i);
      table.addCell(
          header(day.format(d.date()) + "\n" + m.get("report.attendance.part." + d.part().name())));
    }
    for (AttendanceProof.Sheet s : proof.learners()) {
      table.addCell(new PdfPCell(new Phrase(s.learner().displayName(), TEXT)));
      for (int i : columns) {
        AttendanceProof.Line line = s.lines().get(i);
        String text =
            line.current()
                .map(
                    r ->
                        m.get("report.attendance.code." + r.mark().mark().name())
                            + (r.mark().lateMinutes() > 0 ? " " + r.mark().lateMinutes() + "'" : "")
                            + (line.versions().size() > 1 ? "*" : ""))
                .orElse("—");
        PdfPCell cell = new PdfPCell(new Phrase(text, TEXT));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(cell);
      }
    }
    return table;
  }

  private static PdfPTable totalsTable(AttendanceProof proof, Messages m) {
    PdfPTable table = new PdfPTable(7);
    table.setWidthPercentage(100);
    table.setWidths(new float[] {4, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f});
    table.setHeaderRows(1);
    table.addCell(header(m.get("report.attendance.learner")));
    for (String k :
        List.of("attended", "justified", "unjustified", "unmarked", "corrections", "hours")) {
      table.addCell(header(m.get("report.attendance.csv." + k)));
    }
    boolean french = m.locale().getLanguage().equals("fr");
    for (AttendanceProof.Sheet s : proof.learners()) {
      table.addCell(new PdfPCell(new Phrase(s.learner().displayName(), TEXT)));
      String hours = s.attendedHours().toPlainString();
      for (Object v :
          List.of(
              s.attended(),
              s.justifiedAbsences(),
              s.unjustifiedAbsences(),
              s.unmarked(),
              s.corrections(),
              french ? hours.replace('.', ',') : hours)) {
        PdfPCell cell = new PdfPCell(new Phrase(String.valueOf(v), TEXT));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
      }
    }
    return table;
  }

  private static PdfPCell header(String text) {
    PdfPCell cell = new PdfPCell(new Phrase(text, BOLD));
    cell.setBackgroundColor(HEADER);
    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
    return cell;
  }
}
