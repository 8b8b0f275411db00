package org.tremplin.core.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@link Rows} written with JDBC batches of {@value #BATCH} rows (H2 and any other database). */
final class BatchRows implements Rows {
  static final int BATCH = 1000;

  private final Map<Table, List<Object[]>> buffered = new EnumMap<>(Table.class);

  @Override
  public void add(Table table, Object... values) {
    buffered.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
  }

  @Override
  public long flush(Connection connection) throws SQLException {
    long written = 0;
    for (Table table : Table.values()) {
      List<Object[]> rows = buffered.remove(table);
      if (rows == null || rows.isEmpty()) {
        continue;
      }
      try (PreparedStatement insert = connection.prepareStatement(table.insert())) {
        int pending = 0;
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            insert.setObject(i + 1, row[i]);
          }
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          insert.executeBatch();
        }
      }
      written += rows.size();
    }
    return written;
  }
}
