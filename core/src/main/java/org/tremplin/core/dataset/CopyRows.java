package org.tremplin.core.dataset;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.tremplin.core.internal.PgCopy;

/**
 * {@link Rows} written with PostgreSQL's {@code COPY ... FROM STDIN} (text format) through the
 * driver's {@code CopyManager}. Core has no compile-time dependency on the driver (it is a runtime
 * dependency, ADR 0014), so the two driver calls go through reflection on its public interfaces.
 */
final class CopyRows implements Rows {
  private final Map<Table, StringBuilder> buffered = new EnumMap<>(Table.class);
  private final Map<Table, Integer> counts = new EnumMap<>(Table.class);

  @Override
  public void add(Table table, Object... values) {
    StringBuilder b = buffered.computeIfAbsent(table, t -> new StringBuilder(1 << 16));
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      append(b, values[i]);
    }
    b.append('\n');
    counts.merge(table, 1, Integer::sum);
  }

  private static void append(StringBuilder b, Object value) {
    if (value instanceof String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> b.append("\\\\");
          case '\t' -> b.append("\\t");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(c);
        }
      }
    } else if (value instanceof Boolean flag) {
      b.append(flag ? 't' : 'f');
    } else if (value instanceof OffsetDateTime t) {
      b.append(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()).append("+00");
    } else {
      b.append(value);
    }
  }

  @Override
  public long flush(Connection connection) throws SQLException {
    long written = 0;
    for (Table table : Table.values()) {
      StringBuilder rows = buffered.remove(table);
      Integer count = counts.remove(table);
      if (rows == null || count == null) {
        continue;
      }
      PgCopy.copyIn(connection, table.copy(), rows);
      written += count;
    }
    return written;
  }
}
