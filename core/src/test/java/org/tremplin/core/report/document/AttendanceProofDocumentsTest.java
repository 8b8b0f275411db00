package org.tremplin.core.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.report.AttendanceProof;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;

/** The attendance proof's files: names in any script DejaVu covers print as written. */
class AttendanceProofDocumentsTest {
  private static final SchoolId SCHOOL = new SchoolId(UUID.randomUUID());
  private static final CohortId COHORT = new CohortId(UUID.randomUUID());
  private static final LearnerId ANH = new LearnerId(UUID.randomUUID());
  private static final LearnerId YASMINE = new LearnerId(UUID.randomUUID());
  private static final HalfDay MONDAY_AM = HalfDay.am(LocalDate.of(2025, 10, 6));
  private static final HalfDay MONDAY_PM = HalfDay.pm(LocalDate.of(2025, 10, 6));

  private static AttendanceProof proof() {
    Instant at = Instant.parse("2025-10-06T08:00:00Z");
    AttendanceRecord present =
        new AttendanceRecord(
            COHORT, ANH, MONDAY_AM, 1, AttendanceMark.of(Mark.PRESENT), "Trần Văn Đức", at, "");
    AttendanceRecord corrected =
        new AttendanceRecord(
            COHORT,
            ANH,
            MONDAY_PM,
            2,
            AttendanceMark.of(Mark.ABSENT_JUSTIFIED),
            "Trần Văn Đức",
            at.plusSeconds(3600),
            "certificat médical reçu");
    AttendanceRecord first =
        new AttendanceRecord(
            COHORT,
            ANH,
            MONDAY_PM,
            1,
            AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED),
            "Trần Văn Đức",
            at,
            "");
    return new AttendanceProof(
        new School(SCHOOL, "École du Web 93", new Departement("93")),
        new Cohort(
            COHORT,
            SCHOOL,
            "DWWM Nguyễn 2025",
            new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
            new TemplateRef("ecole-du-web", 1),
            12,
            List.of()),
        new DateRange(LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 6)),
        List.of(MONDAY_AM, MONDAY_PM),
        List.of(
            new AttendanceProof.Sheet(
                new CountedLearner(COHORT, ANH, "Nguyễn Thị Ánh"),
                List.of(
                    new AttendanceProof.Line(MONDAY_AM, List.of(present)),
                    new AttendanceProof.Line(MONDAY_PM, List.of(first, corrected)))),
            new AttendanceProof.Sheet(
                new CountedLearner(COHORT, YASMINE, "Яна Ørsted-Łukasz"),
                List.of(
                    new AttendanceProof.Line(MONDAY_AM, List.of()),
                    new AttendanceProof.Line(MONDAY_PM, List.of())))),
        at.plusSeconds(7200));
  }

  private static String pdfText(Locale locale) throws IOException {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    AttendanceProofDocuments.writePdf(proof(), locale, pdf);
    byte[] bytes = pdf.toByteArray();
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    PdfReader reader = new PdfReader(bytes);
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString();
    } finally {
      reader.close();
    }
  }

  @Test
  void vietnameseNamesPrintWithTheirDiacriticsInThePdf() throws IOException {
    String text = pdfText(Locale.FRENCH);

    assertThat(text)
        .contains("Nguyễn Thị Ánh")
        .contains("DWWM Nguyễn 2025")
        .contains("Trần Văn Đức")
        .contains("Attestation de présence");
  }

  @Test
  void cyrillicAndPolishNamesPrintAsWrittenInTheEnglishPdf() throws IOException {
    String text = pdfText(Locale.ENGLISH);

    assertThat(text).contains("Яна Ørsted-Łukasz").contains("Attendance proof");
  }

  @Test
  void theCsvKeepsEveryVersionAndTotalsInTheLanguagesStyle() throws IOException {
    StringWriter fr = new StringWriter();
    AttendanceProofDocuments.writeCsv(proof(), Locale.FRENCH, fr);
    List<String> lines = fr.toString().lines().toList();

    assertThat(lines.get(0)).startsWith("type;salarié;nom;date;demi-journée;marque");
    // Ánh: 1 AM version, 2 PM versions; Yana: 2 unmarked half-days; then 2 totals
    assertThat(lines).hasSize(1 + 3 + 2 + 2);
    assertThat(lines.get(3)).contains("Nguyễn Thị Ánh").contains("absence justifiée;");
    assertThat(lines.get(6))
        .startsWith("total;" + ANH.value() + ";Nguyễn Thị Ánh;2025-10-06/2025-10-06;")
        .endsWith(";1;1;0;0;1;3,5");

    StringWriter en = new StringWriter();
    AttendanceProofDocuments.writeCsv(proof(), Locale.ENGLISH, en);
    assertThat(en.toString().lines().toList().get(6)).endsWith(",1,1,0,0,1,3.5");
  }

  @Test
  void theCsvShowsWhenEachVersionWasRecordedInTheSchoolsZone() throws IOException {
    StringWriter paris = new StringWriter();
    AttendanceProofDocuments.writeCsv(proof(), Locale.FRENCH, paris);
    StringWriter reunion = new StringWriter();
    AttendanceProofDocuments.writeCsv(
        proof(), Locale.FRENCH, java.time.ZoneId.of("Indian/Reunion"), reunion);

    // the correction was recorded at 09:00 UTC: 11:00 in Paris (summer time), 13:00 in La Réunion
    assertThat(paris.toString()).contains(";2025-10-06 11:00;").doesNotContain("13:00");
    assertThat(reunion.toString()).contains(";2025-10-06 13:00;").doesNotContain("11:00");
  }
}
