package org.tremplin.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.imports.ImportProblem;
import org.tremplin.api.imports.ImportProblem.Reason;

class CsvFileTest {
  private static CsvFile read(String text) {
    return CsvFile.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aByteOrderMarkIsSkippedAndTheSeparatorIsReadFromTheHeader() {
    CsvFile semicolons = read("\uFEFFréférence;nom\nA-1;Dupont, Jean\n");
    assertThat(semicolons.header()).containsExactly("référence", "nom");
    assertThat(semicolons.column("reference")).contains(0);
    assertThat(semicolons.rows().get(0).values()).containsExactly("A-1", "Dupont, Jean");

    CsvFile commas = read("reference,name\nA-1,\"Dupont; Jean\"\n");
    assertThat(commas.rows().get(0).values()).containsExactly("A-1", "Dupont; Jean");
  }

  @Test
  void rowsKeepTheLineTheyStartOnAcrossBlankLinesAndQuotedLineBreaks() {
    CsvFile file = read("a;b\r\n\r\n1;\"two\nlines\"\r\n3;4\r\n;\r\n5;6");
    assertThat(file.rows()).extracting(CsvFile.Row::line).containsExactly(3, 5, 7);
  }

  @Test
  void aRowWithTooFewValuesIsAProblemOfItsLine() {
    CsvFile file = read("a;b;c\n1;2;3\n4;5\n");
    assertThat(file.problems())
        .extracting(ImportProblem::line, ImportProblem::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, Reason.BAD_ROW_LENGTH));
  }

  @Test
  void aFileThatIsNotUtf8OrEmptyIsRefusedAsAWhole() {
    CsvFile latin1 = CsvFile.read("nom\nHélène\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(latin1.problems())
        .extracting(ImportProblem::reason)
        .containsExactly(Reason.NOT_UTF8);
    assertThat(read("\n\n").problems())
        .extracting(ImportProblem::reason)
        .containsExactly(Reason.EMPTY_FILE);
  }

  @Test
  void frenchAndIsoDatesAreReadAndImpossibleDatesAreNot() {
    assertThat(Values.date("07/09/2026")).contains(LocalDate.of(2026, 9, 7));
    assertThat(Values.date("7/9/2026")).contains(LocalDate.of(2026, 9, 7));
    assertThat(Values.date("2026-09-07")).contains(LocalDate.of(2026, 9, 7));
    assertThat(Values.date("31/02/2026")).isEmpty();
    assertThat(Values.date("2026-02-30")).isEmpty();
    assertThat(Values.date("09/07/26")).isEmpty();
  }

  @Test
  void marksAreReadFromTheirShortCodesWordsAndNames() {
    assertThat(Values.mark("P")).contains(Mark.PRESENT);
    assertThat(Values.mark("absence justifiée")).contains(Mark.ABSENT_JUSTIFIED);
    assertThat(Values.mark("SICK_LEAVE")).contains(Mark.SICK_LEAVE);
    assertThat(Values.mark("R15")).contains(Mark.LATE);
    assertThat(Values.lateMinutesIn("retard 20")).contains(20);
    assertThat(Values.mark("X")).isEmpty();
  }

  @Test
  void gridHeadersNameAHalfDayInFrenchOrIso() {
    assertThat(AttendanceImport.gridHalfDay("lun. 07/09/2026 matin"))
        .contains(HalfDay.am(LocalDate.of(2026, 9, 7)));
    assertThat(AttendanceImport.gridHalfDay("07/09/2026 après-midi"))
        .contains(HalfDay.pm(LocalDate.of(2026, 9, 7)));
    assertThat(AttendanceImport.gridHalfDay("2026-09-07 PM"))
        .contains(HalfDay.pm(LocalDate.of(2026, 9, 7)));
    assertThat(AttendanceImport.gridHalfDay("lun. 07/09 matin")).isEmpty();
  }
}
