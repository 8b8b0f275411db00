package org.tremplin.core.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.school.Departement;
import org.tremplin.core.Tremplin;
import org.tremplin.core.programme.TemplateLibrary;

/**
 * Fills a Tremplin database with a synthetic network: the same seed and shape give the same rows,
 * byte for byte, on a database that had none of them (ADR 0014). Schools are written first, then
 * each school's cohorts with their learners' whole year in one transaction per school: a failure
 * leaves whole schools only. While a school is written the next one is generated on a second
 * thread; on PostgreSQL {@value #WRITERS} schools are written at once, on connections of their own.
 * The school year is 2025-2026 (cohorts start between 1 September and 6 October 2025 and run ten
 * months); the built-in template and its certification are used.
 *
 * <pre>{@code
 * DatasetSummary written =
 *     SyntheticDataset.on(tremplin).generate(DatasetShape.of(DatasetSize.DEMO), 42, DatasetProgress.NONE);
 * }</pre>
 *
 * <p>Thread-safe: each call generates on its own.
 */
public final class SyntheticDataset {
  /** The Mondays cohorts start on, in turn. */
  static final List<LocalDate> STARTS =
      List.of(
          LocalDate.of(2025, 9, 1),
          LocalDate.of(2025, 9, 8),
          LocalDate.of(2025, 9, 15),
          LocalDate.of(2025, 9, 22),
          LocalDate.of(2025, 10, 6));

  /** Every school closes for Christmas. */
  static final DateRange CHRISTMAS = DateRange.parse("2025-12-22/2026-01-02");

  /** One school in three also closes a week in spring. */
  static final DateRange SPRING = DateRange.parse("2026-04-20/2026-04-24");

  private final Tremplin tremplin;

  private SyntheticDataset(Tremplin tremplin) {
    this.tremplin = tremplin;
  }

  /**
   * A generator writing into this Tremplin's database.
   *
   * @param tremplin the engine (its database is migrated)
   * @return the generator
   */
  public static SyntheticDataset on(Tremplin tremplin) {
    return new SyntheticDataset(TremplinException.required(tremplin, "tremplin"));
  }

  /**
   * The id of the first school a generation with this seed writes (how a data set is recognised).
   *
   * @param seed the seed
   * @return the id of its first school
   */
  public static UUID firstSchoolId(long seed) {
    return CohortWriter.schoolId(seed, 0);
  }

  /**
   * Generates and writes a data set.
   *
   * @param shape how much to write
   * @param seed the seed: the same seed gives the same data
   * @param progress told after each school
   * @return what was written
   * @throws TremplinException {@code INVALID_ARGUMENT} when this seed's data set is already in the
   *     database; {@code STORE_FAILURE} when writing fails (the schools written so far stay)
   */
  public DatasetSummary generate(DatasetShape shape, long seed, DatasetProgress progress) {
    TremplinException.required(shape, "shape");
    TremplinException.required(progress, "progress");
    boolean postgres = tremplin.transactions().read(h -> isPostgres(h.getConnection()));
    boolean present =
        tremplin.transactions().read(h -> exists(h.getConnection(), firstSchoolId(seed)));
    TremplinException.check(
        !present, "the data set of seed " + seed + " is already in this database");
    ProgrammeTemplate template = tremplin.templates().latest(TemplateLibrary.DEFAULT_TEMPLATE_ID);
    CertificationVersion certification =
        tremplin.certifications().version(template.certification());

    List<UUID> schoolIds = new ArrayList<>();
    Rows schools = rows(postgres);
    for (int s = 0; s < shape.departements().size(); s++) {
      String dept = shape.departements().get(s);
      UUID id = CohortWriter.schoolId(seed, s);
      schoolIds.add(id);
      schools.add(
          Table.SCHOOL,
          id,
          "École du Web " + dept,
          Departement.of(dept).code(),
          CohortWriter.at(LocalDate.of(2025, 6, 2), 9, 0));
    }
    long written = write(schools);
    long evidenceBase =
        tremplin
            .transactions()
            .read(
                h ->
                    h.createQuery("select coalesce(max(seq), 0) from tremplin_evidence")
                        .mapTo(Long.class)
                        .one());
    long[] evidenceSeq = {evidenceBase};
    int cohortsDone = 0;
    int learners = 0;
    int tests = 0;
    long marks = 0;
    long evidence = 0;
    long meetings = 0;
    long barriers = 0;
    long exits = 0;
    int writers = postgres ? WRITERS : 1;
    ExecutorService producer = Executors.newSingleThreadExecutor(threads("tremplin-dataset"));
    ExecutorService writing =
        Executors.newFixedThreadPool(writers, threads("tremplin-dataset-write"));
    try {
      int n = shape.departements().size();
      Future<Chunk> next =
          producer.submit(
              () ->
                  chunk(shape, seed, 0, schoolIds, template, certification, postgres, evidenceSeq));
      Deque<Written> inFlight = new ArrayDeque<>();
      for (int s = 0; s < n || !inFlight.isEmpty(); ) {
        if (s < n && inFlight.size() < writers) {
          Chunk chunk = next.get();
          if (s + 1 < n) {
            int following = s + 1;
            next =
                producer.submit(
                    () ->
                        chunk(
                            shape,
                            seed,
                            following,
                            schoolIds,
                            template,
                            certification,
                            postgres,
                            evidenceSeq));
          }
          inFlight.add(new Written(chunk, writing.submit(() -> write(chunk.rows()))));
          s++;
          continue;
        }
        Written done = inFlight.poll();
        written += done.rows().get();
        for (CohortWriter.Counts c : done.chunk().counts()) {
          cohortsDone++;
          learners += c.learners;
          tests += c.testAccounts;
          marks += c.marks;
          evidence += c.evidence;
          meetings += c.meetings;
          barriers += c.barriers;
          exits += c.exits;
        }
        progress.committed(cohortsDone, shape.cohorts(), written);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TremplinException(ErrorCode.STORE_FAILURE, "data set generation interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new TremplinException(
          ErrorCode.STORE_FAILURE, "data set generation failed: " + e.getCause());
    } finally {
      producer.shutdownNow();
      writing.shutdown();
      try {
        writing.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Evidence carries its seq (so that parallel writers keep it deterministic): move the identity
    // past it, so that evidence recorded later through the services sorts after.
    long nextSeq = evidenceSeq[0] + 1;
    tremplin
        .transactions()
        .inTransaction(
            h ->
                h.execute(
                    "alter table tremplin_evidence alter column seq restart with " + nextSeq));
    return new DatasetSummary(
        shape.departements().size(),
        cohortsDone,
        learners,
        tests,
        marks,
        evidence,
        meetings,
        barriers,
        exits,
        written);
  }

  /**
   * Schools written at once on PostgreSQL, each on its own connection and transaction: the server's
   * side of {@code COPY} (constraints, indexes) is the bottleneck, the generation is not.
   */
  static final int WRITERS = 2;

  private record Chunk(Rows rows, List<CohortWriter.Counts> counts) {}

  private record Written(Chunk chunk, Future<Long> rows) {}

  private static ThreadFactory threads(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private Chunk chunk(
      DatasetShape shape,
      long seed,
      int school,
      List<UUID> schoolIds,
      ProgrammeTemplate template,
      CertificationVersion certification,
      boolean postgres,
      long[] evidenceSeq) {
    String dept = shape.departements().get(school);
    Departement departement = Departement.of(dept);
    Rows rows = rows(postgres);
    List<CohortWriter.Counts> counts = new ArrayList<>();
    for (int c = 0; c < shape.cohortsPerSchool(); c++) {
      int global = school * shape.cohortsPerSchool() + c;
      LocalDate start = STARTS.get((school + c) % STARTS.size());
      List<DateRange> closures = school % 3 == 0 ? List.of(CHRISTMAS, SPRING) : List.of(CHRISTMAS);
      CohortCalendar calendar =
          tremplin
              .calendars()
              .calendar(
                  new DateRange(start, start.plusMonths(10).minusDays(1)),
                  departement,
                  closures,
                  template);
      CohortWriter writer =
          new CohortWriter(
              seed,
              school,
              c,
              global,
              departement.code(),
              schoolIds.get(school),
              shape.learnersPerCohort(),
              Cohort.MAX_CAPACITY,
              calendar,
              certification,
              tremplin.exits(),
              evidenceSeq);
      writer.write(rows, template.ref(), "Promo " + start + " n°" + (c + 1));
      counts.add(writer.counts);
    }
    return new Chunk(rows, counts);
  }

  private static Rows rows(boolean postgres) {
    return postgres ? new CopyRows() : new BatchRows();
  }

  private long write(Rows rows) {
    return tremplin
        .transactions()
        .inTransaction(
            h -> {
              try {
                return rows.flush(h.getConnection());
              } catch (SQLException e) {
                throw new TremplinException(
                    ErrorCode.STORE_FAILURE, "writing the data set failed: " + e.getMessage(), e);
              }
            });
  }

  private static boolean isPostgres(Connection c) {
    try {
      return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "cannot read the database's kind", e);
    }
  }

  private static boolean exists(Connection c, UUID school) {
    try (PreparedStatement q = c.prepareStatement("select 1 from tremplin_school where id = ?")) {
      q.setObject(1, school);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new TremplinException(ErrorCode.STORE_FAILURE, "cannot read the schools", e);
    }
  }
}
