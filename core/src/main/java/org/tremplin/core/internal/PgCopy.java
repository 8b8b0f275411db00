package org.tremplin.core.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} through pgjdbc's copy API, reached by reflection: core
 * does not compile against a JDBC driver (the host chooses it), and another PostgreSQL driver
 * simply has no copy API ({@link #available} false). Used by the imports and the synthetic data
 * set. Stateless.
 */
public final class PgCopy {
  private static final String PG_CONNECTION = "org.postgresql.PGConnection";

  private PgCopy() {}

  /**
   * Whether the connection is pgjdbc's (directly or behind a pool's proxy).
   *
   * @param c the connection
   * @return whether COPY is available
   */
  public static boolean available(Connection c) {
    try {
      Class<?> type = Class.forName(PG_CONNECTION, false, c.getClass().getClassLoader());
      return c.isWrapperFor(type);
    } catch (ClassNotFoundException | SQLException | LinkageError e) {
      return false;
    }
  }

  /**
   * Copies the rows (COPY's text format) in with {@code sql}.
   *
   * @param c a pgjdbc connection
   * @param sql the {@code COPY ... FROM STDIN} statement
   * @param rows the rows, one per line
   * @return the rows written
   * @throws SQLException when COPY fails or pgjdbc's copy API is missing
   */
  public static long copyIn(Connection c, String sql, CharSequence rows) throws SQLException {
    return copy(c, sql, Reader.class, new StringReader(rows.toString()));
  }

  /**
   * Copies rows in COPY's binary format in with {@code sql} (which must say {@code (format
   * binary)}).
   *
   * @param c a pgjdbc connection
   * @param sql the {@code COPY ... FROM STDIN (format binary)} statement
   * @param rows the rows, header and trailer included
   * @return the rows written
   * @throws SQLException when COPY fails or pgjdbc's copy API is missing
   */
  public static long copyIn(Connection c, String sql, BinaryRows rows) throws SQLException {
    return copy(c, sql, InputStream.class, new ByteArrayInputStream(rows.bytes, 0, rows.finish()));
  }

  private static long copy(Connection c, String sql, Class<?> sourceType, Object source)
      throws SQLException {
    try {
      Class<?> type = Class.forName(PG_CONNECTION, false, c.getClass().getClassLoader());
      Object pg = c.unwrap(type);
      Object api = type.getMethod("getCopyAPI").invoke(pg);
      Object written =
          api.getClass().getMethod("copyIn", String.class, sourceType).invoke(api, sql, source);
      return ((Number) written).longValue();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLException s) {
        throw s;
      }
      throw new SQLException("COPY failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new SQLException("pgjdbc's copy API is not available", e);
    }
  }

  /**
   * A value in COPY's text format: backslash, tab, line breaks escaped.
   *
   * @param value the value
   * @return the escaped value
   */
  public static String text(String value) {
    if (value.indexOf('\\') < 0
        && value.indexOf('\t') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return value
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  /**
   * Rows in COPY's binary format, built value by value into one growing byte array: no text to
   * print on this side nor to parse on the server's (uuids, dates, integers and timestamps go as
   * their 4 to 16 bytes). The caller writes exactly the table's column list, in order. Not
   * thread-safe; reusable after {@link #clear}.
   */
  public static final class BinaryRows {
    private static final byte[] SIGNATURE = {
      'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);
    private static final long EPOCH_DAY = EPOCH.toEpochDay();
    private static final long EPOCH_SECOND = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();

    private byte[] bytes;
    private int size;
    private int rows;

    /**
     * An empty set of rows.
     *
     * @param capacity the bytes to reserve
     */
    public BinaryRows(int capacity) {
      bytes = new byte[Math.max(capacity, 64)];
      clear();
    }

    /** Forgets the rows written so far. */
    public void clear() {
      System.arraycopy(SIGNATURE, 0, bytes, 0, SIGNATURE.length);
      size = SIGNATURE.length;
      rows = 0;
    }

    /**
     * The rows written since the last {@link #clear}.
     *
     * @return the row count
     */
    public int rows() {
      return rows;
    }

    /**
     * Starts a row.
     *
     * @param fields its number of values
     * @return this
     */
    public BinaryRows row(int fields) {
      ensure(2);
      putShort(fields);
      rows++;
      return this;
    }

    /**
     * A {@code uuid} value.
     *
     * @param value the value
     * @return this
     */
    public BinaryRows uuid(UUID value) {
      ensure(20);
      putInt(16);
      putLong(value.getMostSignificantBits());
      putLong(value.getLeastSignificantBits());
      return this;
    }

    /**
     * A {@code date} value.
     *
     * @param value the value
     * @return this
     */
    public BinaryRows date(LocalDate value) {
      ensure(8);
      putInt(4);
      putInt((int) (value.toEpochDay() - EPOCH_DAY));
      return this;
    }

    /**
     * An {@code integer} value.
     *
     * @param value the value
     * @return this
     */
    public BinaryRows int4(int value) {
      ensure(8);
      putInt(4);
      putInt(value);
      return this;
    }

    /**
     * A {@code timestamp with time zone} value, rounded to the microsecond as PostgreSQL rounds the
     * text form.
     *
     * @param value the value
     * @return this
     */
    public BinaryRows timestamp(Instant value) {
      ensure(12);
      putInt(8);
      putLong(
          (value.getEpochSecond() - EPOCH_SECOND) * 1_000_000L + (value.getNano() + 500) / 1000);
      return this;
    }

    /**
     * A text value ({@code varchar}, {@code text}) already encoded in UTF-8 (the connection's
     * encoding with pgjdbc): for the values a caller repeats on every row.
     *
     * @param utf8 the encoded value
     * @return this
     */
    public BinaryRows text(byte[] utf8) {
      ensure(4 + utf8.length);
      putInt(utf8.length);
      System.arraycopy(utf8, 0, bytes, size, utf8.length);
      size += utf8.length;
      return this;
    }

    /**
     * A text value.
     *
     * @param value the value
     * @return this
     */
    public BinaryRows text(String value) {
      return text(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends the trailer; returns the length of the whole. */
    private int finish() {
      ensure(2);
      putShort(-1);
      int length = size;
      size -= 2; // more rows may still be added after a copy of these
      return length;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    private void putShort(int v) {
      bytes[size++] = (byte) (v >>> 8);
      bytes[size++] = (byte) v;
    }

    private void putInt(int v) {
      bytes[size++] = (byte) (v >>> 24);
      bytes[size++] = (byte) (v >>> 16);
      bytes[size++] = (byte) (v >>> 8);
      bytes[size++] = (byte) v;
    }

    private void putLong(long v) {
      putInt((int) (v >>> 32));
      putInt((int) v);
    }
  }
}
