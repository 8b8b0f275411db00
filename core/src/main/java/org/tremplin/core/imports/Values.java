package org.tremplin.core.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDayPart;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.funder.DeclaredSex;

/**
 * The values of an imported file, read the ways schools write them (docs/imports.md): dates in
 * French or ISO form, half-day parts, marks and their short codes, yes/no, sex. Each reader returns
 * empty for a value it cannot read. Stateless.
 */
final class Values {
  private static final DateTimeFormatter FRENCH =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern LATE =
      Pattern.compile("(?:r|late|retard|en_retard)_?:?_?(\\d{1,4})(?:_?min)?");

  /** Marks by their short code and their French and English words (keys as {@link CsvFile#key}). */
  private static final Map<String, Mark> MARKS =
      Map.ofEntries(
          Map.entry("p", Mark.PRESENT),
          Map.entry("present", Mark.PRESENT),
          Map.entry("r", Mark.LATE),
          Map.entry("late", Mark.LATE),
          Map.entry("retard", Mark.LATE),
          Map.entry("aj", Mark.ABSENT_JUSTIFIED),
          Map.entry("absent_justified", Mark.ABSENT_JUSTIFIED),
          Map.entry("absence_justifiee", Mark.ABSENT_JUSTIFIED),
          Map.entry("ai", Mark.ABSENT_UNJUSTIFIED),
          Map.entry("absent_unjustified", Mark.ABSENT_UNJUSTIFIED),
          Map.entry("absence_injustifiee", Mark.ABSENT_UNJUSTIFIED),
          Map.entry("absence_non_justifiee", Mark.ABSENT_UNJUSTIFIED),
          Map.entry("m", Mark.SICK_LEAVE),
          Map.entry("sick_leave", Mark.SICK_LEAVE),
          Map.entry("maladie", Mark.SICK_LEAVE),
          Map.entry("arret_maladie", Mark.SICK_LEAVE),
          Map.entry("cp", Mark.PAID_LEAVE),
          Map.entry("paid_leave", Mark.PAID_LEAVE),
          Map.entry("conge_paye", Mark.PAID_LEAVE),
          Map.entry("conges_payes", Mark.PAID_LEAVE),
          Map.entry("e", Mark.IN_PLACEMENT),
          Map.entry("in_placement", Mark.IN_PLACEMENT),
          Map.entry("entreprise", Mark.IN_PLACEMENT),
          Map.entry("stage", Mark.IN_PLACEMENT),
          Map.entry("f", Mark.TRAINING_ELSEWHERE),
          Map.entry("training_elsewhere", Mark.TRAINING_ELSEWHERE),
          Map.entry("formation", Mark.TRAINING_ELSEWHERE),
          Map.entry("formation_exterieure", Mark.TRAINING_ELSEWHERE));

  private Values() {}

  /** A date as {@code dd/MM/yyyy} (one-digit day and month accepted) or {@code yyyy-MM-dd}. */
  static Optional<LocalDate> date(String text) {
    String t = text.strip();
    try {
      return Optional.of(LocalDate.parse(t, t.contains("/") ? FRENCH : ISO));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** AM / PM, or French: matin / après-midi (aprem, am, pm in any case). */
  static Optional<HalfDayPart> part(String text) {
    return switch (CsvFile.key(text)) {
      case "am", "matin", "m" -> Optional.of(HalfDayPart.AM);
      case "pm", "apres_midi", "apresmidi", "aprem" -> Optional.of(HalfDayPart.PM);
      default -> Optional.empty();
    };
  }

  /**
   * A mark: a short code ({@code P}, {@code R15}, {@code AJ}, {@code AI}, {@code M}, {@code CP},
   * {@code E}, {@code F}), its French word, or the mark's name; late minutes come with the code
   * ({@code R15}) or from {@code lateMinutes} (empty when the file has no such value).
   *
   * @return the mark, or empty when {@code BAD_MARK}; throws nothing
   */
  static Optional<Mark> mark(String text) {
    String k = CsvFile.key(text);
    Mark m = MARKS.get(k);
    if (m != null) {
      return Optional.of(m);
    }
    return LATE.matcher(k).matches() ? Optional.of(Mark.LATE) : Optional.empty();
  }

  /**
   * The minutes written with a late code ({@code R15}, {@code retard 15}), or empty when the code
   * carries none.
   */
  static Optional<Integer> lateMinutesIn(String text) {
    Matcher m = LATE.matcher(CsvFile.key(text));
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** Longest lateness a LATE mark carries, in minutes (as {@link AttendanceMark} checks it). */
  private static final int MAX_LATE_MINUTES = 210;

  /** Every attendance mark an import can read, built once (a year's file repeats them). */
  private static final Map<Mark, Optional<AttendanceMark>> ON_TIME = onTime();

  private static final List<Optional<AttendanceMark>> LATE_BY_MINUTES = lateByMinutes();

  private static Map<Mark, Optional<AttendanceMark>> onTime() {
    Map<Mark, Optional<AttendanceMark>> marks = new EnumMap<>(Mark.class);
    for (Mark m : Mark.values()) {
      if (m != Mark.LATE) {
        marks.put(m, Optional.of(AttendanceMark.of(m)));
      }
    }
    return marks;
  }

  private static List<Optional<AttendanceMark>> lateByMinutes() {
    List<Optional<AttendanceMark>> marks = new ArrayList<>(MAX_LATE_MINUTES + 1);
    marks.add(Optional.empty());
    for (int minutes = 1; minutes <= MAX_LATE_MINUTES; minutes++) {
      marks.add(Optional.of(AttendanceMark.late(minutes)));
    }
    return List.copyOf(marks);
  }

  /** The attendance mark of a mark with its minutes, or empty when they do not fit together. */
  static Optional<AttendanceMark> attendanceMark(Mark mark, int lateMinutes) {
    if (mark == Mark.LATE) {
      return lateMinutes >= 1 && lateMinutes <= MAX_LATE_MINUTES
          ? LATE_BY_MINUTES.get(lateMinutes)
          : Optional.empty();
    }
    return lateMinutes == 0 ? ON_TIME.get(mark) : Optional.empty();
  }

  /** A whole number of 1 to 9 digits, or empty. */
  static Optional<Integer> number(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 9) {
      return Optional.empty();
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(Integer.parseInt(t));
  }

  /** oui/non, yes/no, o/n, y/n, 1/0, true/false, vrai/faux, x (yes) — empty for anything else. */
  static Optional<Boolean> yesNo(String text) {
    return switch (CsvFile.key(text)) {
      case "oui", "o", "yes", "y", "1", "true", "vrai", "x" -> Optional.of(true);
      case "non", "n", "no", "0", "false", "faux" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** F / femme / female, M / H / homme / male, or empty text for not declared. */
  static Optional<DeclaredSex> sex(String text) {
    return switch (CsvFile.key(text)) {
      case "f", "femme", "female", "feminin" -> Optional.of(DeclaredSex.FEMALE);
      case "m", "h", "homme", "male", "masculin" -> Optional.of(DeclaredSex.MALE);
      case "", "nd", "x", "not_declared", "non_declare" -> Optional.of(DeclaredSex.NOT_DECLARED);
      default -> Optional.empty();
    };
  }

  /** An exit situation by its code, as {@code exit --situation} takes it (any case). */
  static Optional<ExitSituation> situation(String text) {
    String k = CsvFile.key(text).toUpperCase(java.util.Locale.ROOT);
    for (ExitSituation s : ExitSituation.values()) {
      if (s.name().equals(k)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** A plausible e-mail address: one {@code @}, something before, a dot after, no space. */
  static boolean email(String text) {
    return text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && text.length() <= 254;
  }
}
