package org.tremplin.core.internal;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;

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
    try {
      Class<?> type = Class.forName(PG_CONNECTION, false, c.getClass().getClassLoader());
      Object pg = c.unwrap(type);
      Object api = type.getMethod("getCopyAPI").invoke(pg);
      Object written =
          api.getClass()
              .getMethod("copyIn", String.class, Reader.class)
              .invoke(api, sql, new StringReader(rows.toString()));
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
}
