package org.tremplin.core.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tremplin.api.imports.ImportProblem;
import org.tremplin.api.imports.ImportProblem.Reason;

/**
 * A CSV file read whole: UTF-8 with or without a byte-order mark, {@code ;} or {@code ,} between
 * values (whichever the header line has more of), values trimmed, blank lines skipped, each row
 * with the line it starts on. Immutable once read; not shared across threads.
 */
final class CsvFile {
  /** Longest file accepted (64 MiB: a national year of half-days is about 30 MiB). */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  /** A data row: the line it starts on and its values, in header order. */
  record Row(int line, String[] values) {
    String get(int column) {
      return column < 0 || column >= values.length ? "" : values[column];
    }
  }

  private final List<String> header;
  private final List<String> keys;
  private final List<Row> rows;
  private final List<ImportProblem> problems;

  private CsvFile(
      List<String> header, List<String> keys, List<Row> rows, List<ImportProblem> problems) {
    this.header = header;
    this.keys = keys;
    this.rows = rows;
    this.problems = problems;
  }

  /** Reads the bytes; a file that is not UTF-8, empty or unreadable has a problem on line 0. */
  static CsvFile read(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return failed(Reason.TOO_LONG, String.valueOf(bytes.length));
    }
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    String text;
    if (ascii(bytes, start)) {
      text = new String(bytes, start, bytes.length - start, StandardCharsets.US_ASCII);
    } else {
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
      } catch (CharacterCodingException e) {
        return failed(Reason.NOT_UTF8, "");
      }
    }
    int firstBreak = text.indexOf('\n');
    String firstLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
    char delimiter =
        count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0 ? ';' : ',';
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    int[] lineStarts = lineStarts(text);
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord record : parser) {
        String[] values = record.values();
        if (blank(values)) {
          continue;
        }
        int line = lineOf(lineStarts, firstNonBlank(text, record.getCharacterPosition()));
        if (header == null) {
          header = List.of(values);
          continue;
        }
        if (values.length != header.size()) {
          problems.add(
              new ImportProblem(
                  line, "", Reason.BAD_ROW_LENGTH, values.length + "/" + header.size()));
          continue;
        }
        rows.add(new Row(line, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      // commons-csv's refusal of a malformed quote
      int line = lineOf(lineStarts, text.length());
      problems.add(new ImportProblem(line, "", Reason.BAD_ROW_LENGTH, ""));
    }
    if (header == null) {
      return failed(Reason.EMPTY_FILE, "");
    }
    List<String> keys = header.stream().map(CsvFile::key).toList();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.indexOf(keys.get(i)) != i || keys.get(i).isEmpty()) {
        problems.add(new ImportProblem(1, header.get(i), Reason.BAD_HEADER, header.get(i)));
      }
    }
    return new CsvFile(header, keys, rows, problems);
  }

  private static CsvFile failed(Reason reason, String value) {
    return new CsvFile(
        List.of(), List.of(), List.of(), List.of(new ImportProblem(0, "", reason, value)));
  }

  /** The header as the file spells it. */
  List<String> header() {
    return header;
  }

  /** The data rows, in file order. */
  List<Row> rows() {
    return rows;
  }

  /** Problems of the file as a whole or of its rows' shape, by line. */
  List<ImportProblem> problems() {
    return problems;
  }

  /** Whether the file has no usable header at all. */
  boolean unreadable() {
    return header.isEmpty();
  }

  /**
   * The index of the column with one of these names (compared as {@link #key}), or empty.
   *
   * @param names the canonical name first, then its aliases
   */
  Optional<Integer> column(String... names) {
    for (String n : names) {
      int i = keys.indexOf(key(n));
      if (i >= 0) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The header of a column as the file spells it. */
  String name(int column) {
    return header.get(column);
  }

  /**
   * A header or value reduced for comparison: lower case, accents and surrounding spaces removed,
   * spaces, hyphens and apostrophes as {@code _}.
   */
  static String key(String text) {
    String t = text.strip();
    if (isPlainWord(t)) {
      return t.toLowerCase(Locale.ROOT);
    }
    String plain = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
    return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("_");
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-'’.]+");

  /** ASCII letters, digits and underscores only: nothing to normalise but the case. */
  private static boolean isPlainWord(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Whether every byte from {@code start} is ASCII (valid UTF-8 that needs no decoding). */
  private static boolean ascii(byte[] bytes, int start) {
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean blank(String[] values) {
    for (String v : values) {
      if (!v.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The first position at or after {@code from} that is not white space (skipped blank lines). */
  private static long firstNonBlank(String text, long from) {
    int i = (int) from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[1024];
    int n = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, 2 * n);
      }
      starts[n++] = i + 1;
    }
    return Arrays.copyOf(starts, n);
  }

  /** The 1-based line of a character position. */
  private static int lineOf(int[] starts, long position) {
    int i = Arrays.binarySearch(starts, (int) position);
    return (i >= 0 ? i : -i - 2) + 1;
  }
}
