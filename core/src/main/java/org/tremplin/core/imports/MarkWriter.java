package org.tremplin.core.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDayPart;
import org.tremplin.core.internal.Database;
import org.tremplin.core.internal.PgCopy;

/**
 * Writes many attendance versions at once on the caller's handle: on PostgreSQL through pgjdbc one
 * {@code COPY ... FROM STDIN} in binary format per chunk of {@value #CHUNK} rows (measured in
 * docs/benchmarks.md against COPY's text format, {@code insert ... select from unnest(arrays)} and
 * JDBC batches), elsewhere (H2) a JDBC batch. Every version of a call carries the same author, time
 * and reason. Stateless.
 */
final class MarkWriter {
  /** Rows per statement on PostgreSQL. */
  static final int CHUNK = 20_000;

  private static final String INSERT =
      "insert into tremplin_attendance (cohort_id, learner_id, half_day_date, part, version, mark,"
          + " late_minutes, recorded_by, recorded_at, reason)";

  private MarkWriter() {}

  /**
   * The system property that forces a way of writing, for the benchmark that compares them
   * (docs/benchmarks.md); not a configuration key.
   */
  static final String STRATEGY_PROPERTY = "tremplin.bench.import-writer";

  /** Which way to write. */
  enum Strategy {
    /** PostgreSQL's {@code COPY ... FROM STDIN} in binary format through pgjdbc's copy API. */
    COPY,
    /** The same in COPY's text format (measured against the binary format). */
    COPY_TEXT,
    /** Array parameters unnested by PostgreSQL, one statement per chunk. */
    UNNEST,
    /** A JDBC batch (multi-row inserts with pgjdbc's {@code reWriteBatchedInserts}). */
    BATCH;

    /** COPY on PostgreSQL through pgjdbc, BATCH elsewhere (or what the benchmark forces). */
    static Strategy of(Handle h) {
      String forced = System.getProperty(STRATEGY_PROPERTY, "");
      if (!forced.isEmpty()) {
        return valueOf(forced);
      }
      try {
        if (!"PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName())) {
          return BATCH;
        }
        return PgCopy.available(h.getConnection()) ? COPY : UNNEST;
      } catch (SQLException e) {
        throw new TremplinException(ErrorCode.STORE_FAILURE, "cannot read the database kind", e);
      }
    }
  }

  /** Writes the versions (all by {@code by}, at {@code at}, with {@code reason}) on the handle. */
  static void write(
      Handle h, Strategy strategy, List<AttendanceRecord> records, String by, Instant at) {
    if (records.isEmpty()) {
      return;
    }
    try {
      if (strategy == Strategy.COPY) {
        copyBinary(h.getConnection(), records, by, at);
      } else if (strategy == Strategy.COPY_TEXT) {
        copy(h.getConnection(), records, by, at);
      } else if (strategy == Strategy.UNNEST) {
        unnest(h.getConnection(), records, by, at);
      } else {
        batch(h.getConnection(), records, by, at);
      }
    } catch (SQLException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "writing the attendance failed", e);
    }
  }

  private static final byte[][] PARTS = names(HalfDayPart.values());
  private static final byte[][] MARKS = names(Mark.values());

  private static byte[][] names(Enum<?>[] values) {
    byte[][] names = new byte[values.length][];
    for (Enum<?> v : values) {
      names[v.ordinal()] = v.name().getBytes(StandardCharsets.UTF_8);
    }
    return names;
  }

  private static void copyBinary(
      Connection c, List<AttendanceRecord> records, String by, Instant at) throws SQLException {
    String sql =
        "copy tremplin_attendance (cohort_id, learner_id, half_day_date, part, version, mark,"
            + " late_minutes, recorded_by, recorded_at, reason) from stdin (format binary)";
    byte[] author = by.getBytes(StandardCharsets.UTF_8);
    String reason = "";
    byte[] reasonBytes = new byte[0];
    PgCopy.BinaryRows rows = new PgCopy.BinaryRows(Math.min(records.size(), CHUNK) * 128);
    for (int from = 0; from < records.size(); from += CHUNK) {
      rows.clear();
      for (AttendanceRecord r : records.subList(from, Math.min(records.size(), from + CHUNK))) {
        if (!r.reason().equals(reason)) {
          reason = r.reason();
          reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
        }
        rows.row(10)
            .uuid(r.cohort().value())
            .uuid(r.learner().value())
            .date(r.halfDay().date())
            .text(PARTS[r.halfDay().part().ordinal()])
            .int4(r.version())
            .text(MARKS[r.mark().mark().ordinal()])
            .int4(r.mark().lateMinutes())
            .text(author)
            .timestamp(at)
            .text(reasonBytes);
      }
      PgCopy.copyIn(c, sql, rows);
    }
  }

  private static void copy(Connection c, List<AttendanceRecord> records, String by, Instant at)
      throws SQLException {
    String sql =
        "copy tremplin_attendance (cohort_id, learner_id, half_day_date, part, version, mark,"
            + " late_minutes, recorded_by, recorded_at, reason) from stdin";
    String tail = "\t" + PgCopy.text(by) + "\t" + Database.timestamp(at) + "\t";
    StringBuilder rows = new StringBuilder(CHUNK * 140);
    for (int from = 0; from < records.size(); from += CHUNK) {
      rows.setLength(0);
      for (AttendanceRecord r : records.subList(from, Math.min(records.size(), from + CHUNK))) {
        rows.append(r.cohort().value())
            .append('\t')
            .append(r.learner().value())
            .append('\t')
            .append(r.halfDay().date())
            .append('\t')
            .append(r.halfDay().part().name())
            .append('\t')
            .append(r.version())
            .append('\t')
            .append(r.mark().mark().name())
            .append('\t')
            .append(r.mark().lateMinutes())
            .append(tail)
            .append(PgCopy.text(r.reason()))
            .append('\n');
      }
      PgCopy.copyIn(c, sql, rows);
    }
  }

  private static void unnest(Connection c, List<AttendanceRecord> records, String by, Instant at)
      throws SQLException {
    String sql =
        INSERT
            + " select t.c::uuid, t.l::uuid, t.d::date, t.p, t.v, t.m, t.lm, ?, ?, t.r from"
            + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[],"
            + " ?::text[]) as t(c, l, d, p, v, m, lm, r)";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int from = 0; from < records.size(); from += CHUNK) {
        List<AttendanceRecord> chunk =
            records.subList(from, Math.min(records.size(), from + CHUNK));
        int n = chunk.size();
        String[] cohorts = new String[n];
        String[] learners = new String[n];
        String[] dates = new String[n];
        String[] parts = new String[n];
        Integer[] versions = new Integer[n];
        String[] marks = new String[n];
        Integer[] late = new Integer[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
          AttendanceRecord r = chunk.get(i);
          cohorts[i] = r.cohort().value().toString();
          learners[i] = r.learner().value().toString();
          dates[i] = r.halfDay().date().toString();
          parts[i] = r.halfDay().part().name();
          versions[i] = r.version();
          marks[i] = r.mark().mark().name();
          late[i] = r.mark().lateMinutes();
          reasons[i] = r.reason();
        }
        s.setString(1, by);
        s.setObject(2, Database.timestamp(at));
        Array[] arrays = {
          c.createArrayOf("text", cohorts),
          c.createArrayOf("text", learners),
          c.createArrayOf("text", dates),
          c.createArrayOf("text", parts),
          c.createArrayOf("int4", versions),
          c.createArrayOf("text", marks),
          c.createArrayOf("int4", late),
          c.createArrayOf("text", reasons)
        };
        for (int i = 0; i < arrays.length; i++) {
          s.setArray(3 + i, arrays[i]);
        }
        s.executeUpdate();
        for (Array a : arrays) {
          a.free();
        }
      }
    }
  }

  private static void batch(Connection c, List<AttendanceRecord> records, String by, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(INSERT + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Object when = Database.timestamp(at);
      int pending = 0;
      for (AttendanceRecord r : records) {
        s.setObject(1, r.cohort().value());
        s.setObject(2, r.learner().value());
        s.setObject(3, r.halfDay().date());
        s.setString(4, r.halfDay().part().name());
        s.setInt(5, r.version());
        s.setString(6, r.mark().mark().name());
        s.setInt(7, r.mark().lateMinutes());
        s.setString(8, by);
        s.setObject(9, when);
        s.setString(10, r.reason());
        s.addBatch();
        if (++pending == 5_000) {
          s.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        s.executeBatch();
      }
    }
  }
}
