package org.tremplin.core.dataset;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a chunk's rows go: buffered per table, then written table by table in {@link Table}'s order
 * by {@link #flush} on the chunk's connection (in its transaction). Values are {@code String},
 * {@code Integer}, {@code Long}, {@code Boolean}, {@code UUID}, {@code LocalDate}, {@code
 * LocalDateTime} or {@code OffsetDateTime}. Not thread-safe.
 */
interface Rows {
  /** Adds a row; values in the order of the table's columns. */
  void add(Table table, Object... values);

  /** Writes every buffered row and empties the buffers; returns how many rows it wrote. */
  long flush(Connection connection) throws SQLException;

  /** Rows for this connection's database: {@code COPY} on PostgreSQL, JDBC batches elsewhere. */
  static Rows forDatabase(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
        ? new CopyRows()
        : new BatchRows();
  }
}
