package org.tremplin.core.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * A SHA-256 of a table's rows, each rendered the same way on H2 and PostgreSQL (instants in UTC,
 * dates ISO, booleans true/false), rows sorted: equal checksums mean equal contents.
 */
final class TableChecksum {
  private TableChecksum() {}

  static String of(DataSource database, String table) {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select * from " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.append(meta.getColumnName(i).toLowerCase()).append('=');
          row.append(value(rs, i, meta.getColumnType(i))).append('|');
        }
        rows.add(row.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    rows.sort(null);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String row : rows) {
        digest.update(row.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return rows.size() + ":" + HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String value(ResultSet rs, int i, int type) throws SQLException {
    Object v =
        switch (type) {
          case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
          case Types.TIMESTAMP -> {
            // PostgreSQL's driver reports timestamptz as TIMESTAMP too: its metadata type name
            // tells them apart.
            String name = rs.getMetaData().getColumnTypeName(i);
            yield name.equalsIgnoreCase("timestamptz")
                ? rs.getObject(i, OffsetDateTime.class)
                : rs.getObject(i, LocalDateTime.class);
          }
          case Types.DATE -> rs.getObject(i, LocalDate.class);
          case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
          default -> rs.getString(i);
        };
    if (v instanceof OffsetDateTime t) {
      return t.toInstant().toString();
    }
    return String.valueOf(v);
  }
}
