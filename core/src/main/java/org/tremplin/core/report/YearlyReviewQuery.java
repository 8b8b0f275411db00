package org.tremplin.core.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.report.LearnerHours;
import org.tremplin.api.report.MonthlyHours;
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.PathLength;
import org.tremplin.api.report.Rate;
import org.tremplin.api.report.ReportScope;

/**
 * The yearly review's SQL: three queries over the cohorts of a scope (entries, newest exits,
 * attended half-days by learner and month from the read-side counts of core V31), whatever the
 * number of learners; every row keeps its school so one read serves every column of the network
 * view. Stateless.
 */
final class YearlyReviewQuery {
  private YearlyReviewQuery() {}

  static final String NOT_TEST =
      " and not exists (select 1 from tremplin_test_account t where t.learner_id = l.id)";

  /** A learner counted, with the school of the cohort that counts them. */
  record Counted(SchoolId school, CountedLearner learner) {}

  record Left(Counted counted, ExitCategory category, LocalDate joinedOn, LocalDate on) {}

  record Hours(Counted counted, int month, int attended) {}

  /** Every row of a scope's review for a year. */
  record Rows(List<Counted> entries, List<Left> exits, List<Hours> hours) {
    /**
     * The rows of each column in one pass: a row goes to every column its school is in (to none
     * when its school is in none), in this order; a column without rows has empty lists.
     */
    Map<ReportScope, Rows> byColumn(Map<SchoolId, List<ReportScope>> columns) {
      Map<ReportScope, List<Counted>> e = split(entries, c -> c, columns);
      Map<ReportScope, List<Left>> x = split(exits, Left::counted, columns);
      Map<ReportScope, List<Hours>> g = split(hours, Hours::counted, columns);
      return perColumn(
          columns,
          k ->
              new Rows(
                  e.getOrDefault(k, List.of()),
                  x.getOrDefault(k, List.of()),
                  g.getOrDefault(k, List.of())));
    }
  }

  /** Each column's rows, built once per column however many schools it spans. */
  static <R> Map<ReportScope, R> perColumn(
      Map<SchoolId, List<ReportScope>> columns, Function<ReportScope, R> rowsOf) {
    Map<ReportScope, R> out = new HashMap<>();
    for (List<ReportScope> scopes : columns.values()) {
      for (ReportScope scope : scopes) {
        out.computeIfAbsent(scope, rowsOf);
      }
    }
    return out;
  }

  /**
   * Each row in the list of every column its school is in, in the rows' order: one pass, one map
   * look-up per row.
   */
  static <T> Map<ReportScope, List<T>> split(
      List<T> rows, Function<T, Counted> counted, Map<SchoolId, List<ReportScope>> columns) {
    Map<ReportScope, List<T>> out = new HashMap<>();
    for (T row : rows) {
      for (ReportScope scope : columns.getOrDefault(counted.apply(row).school(), List.of())) {
        out.computeIfAbsent(scope, k -> new ArrayList<>()).add(row);
      }
    }
    return out;
  }

  static Rows rows(Handle h, ScopeSql scope, int year, Disclosure disclosure) {
    return rows(h, scope, year, disclosure, true);
  }

  /**
   * The rows of a scope's review for a year, without the hours per learner and month when {@code
   * withHours} is false (the dashboard shows the exits only).
   */
  static Rows rows(Handle h, ScopeSql scope, int year, Disclosure disclosure, boolean withHours) {
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = from.plusYears(1);
    List<Counted> entries =
        sorted(
            scope
                .bind(
                    h.createQuery(
                        "select c.school_id, e.cohort_id, e.learner_id, l.given_name, l.family_name"
                            + " from tremplin_enrolment_event e"
                            + " join tremplin_cohort c on c.id = e.cohort_id"
                            + " join tremplin_learner l on l.id = e.learner_id"
                            + " where "
                            + scope.condition()
                            + " and e.kind = :joined"
                            + " and e.event_date >= :from and e.event_date < :to"
                            + NOT_TEST))
                .bind("joined", EnrolmentEventKind.JOINED.name())
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> counted(rs, disclosure))
                .list(),
            c -> c);

    List<Left> exits =
        sorted(
            scope
                .bind(
                    h.createQuery(
                        "select c.school_id, x.cohort_id, x.learner_id, l.given_name, l.family_name,"
                            + " x.category, x.left_on, (select min(j.event_date)"
                            + " from tremplin_enrolment_event j"
                            + " where j.cohort_id = x.cohort_id and j.learner_id = x.learner_id"
                            + " and j.kind = :joined) as joined_on"
                            + " from tremplin_exit x"
                            + " join tremplin_cohort c on c.id = x.cohort_id"
                            + " join tremplin_learner l on l.id = x.learner_id"
                            + " where "
                            + scope.condition()
                            + " and x.left_on >= :from and x.left_on < :to"
                            + " and not exists (select 1 from tremplin_exit n where n.cohort_id ="
                            + " x.cohort_id and n.learner_id = x.learner_id and n.version > x.version)"
                            + NOT_TEST))
                .bind("joined", EnrolmentEventKind.JOINED.name())
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) -> {
                      LocalDate on = rs.getObject("left_on", LocalDate.class);
                      LocalDate joined = rs.getObject("joined_on", LocalDate.class);
                      return new Left(
                          counted(rs, disclosure),
                          ExitCategory.valueOf(rs.getString("category")),
                          joined == null ? on : joined,
                          on);
                    })
                .list(),
            Left::counted);

    // Read-side counts (core V31, ADR 0020): the current attended half-days per cohort, learner
    // and month, kept with every attendance write on PostgreSQL (a view of the marks on H2);
    // grouped by ids before the names are joined.
    List<Hours> hours =
        !withHours
            ? List.of()
            : sorted(
                scope
                    .bind(
                        h.createQuery(
                            "select c.school_id, g.cohort_id, g.learner_id, l.given_name,"
                                + " l.family_name, extract(month from g.month_start) as mon, g.attended"
                                + " from tremplin_attendance_month g"
                                + " join tremplin_cohort c on c.id = g.cohort_id"
                                + " join tremplin_learner l on l.id = g.learner_id"
                                + " where "
                                + scope.condition()
                                + " and g.month_start >= :from and g.month_start < :to"
                                + NOT_TEST))
                    .bind("from", from)
                    .bind("to", to)
                    .map(
                        (rs, ctx) ->
                            new Hours(
                                counted(rs, disclosure), rs.getInt("mon"), rs.getInt("attended")))
                    .list(),
                Hours::counted);
    return new Rows(entries, exits, hours);
  }

  /** The review's figures of the rows (of one column: split them first, {@link Rows#byColumn}). */
  static NetworkView.Review review(Rows rows, int year) {
    List<Counted> entries = rows.entries();
    List<Left> exits = rows.exits();

    Map<ExitCategory, List<CountedLearner>> byCategory = new EnumMap<>(ExitCategory.class);
    for (ExitCategory c : ExitCategory.values()) {
      byCategory.put(c, new ArrayList<>());
    }
    exits.forEach(x -> byCategory.get(x.category()).add(x.counted().learner()));
    Map<ExitCategory, Figure> figures = new EnumMap<>(ExitCategory.class);
    byCategory.forEach((c, list) -> figures.put(c, new Figure(list)));
    int durable = byCategory.get(ExitCategory.EMPLOI_DURABLE).size();
    int dynamic =
        durable
            + byCategory.get(ExitCategory.EMPLOI_TRANSITION).size()
            + byCategory.get(ExitCategory.SORTIE_POSITIVE).size();
    int counted = exits.size() - byCategory.get(ExitCategory.NEUTRALISEE).size();

    // one pass over the hours, each month's in the rows' order
    List<List<LearnerHours>> byMonth = new ArrayList<>(12);
    for (int m = 1; m <= 12; m++) {
      byMonth.add(new ArrayList<>());
    }
    for (Hours x : rows.hours()) {
      if (x.month() >= 1 && x.month() <= 12) {
        byMonth.get(x.month() - 1).add(new LearnerHours(x.counted().learner(), x.attended()));
      }
    }
    List<MonthlyHours> months = new ArrayList<>(12);
    for (int m = 1; m <= 12; m++) {
      months.add(new MonthlyHours(YearMonth.of(year, m), byMonth.get(m - 1)));
    }
    return new NetworkView.Review(
        figure(entries),
        new Figure(exits.stream().map(x -> x.counted().learner()).toList()),
        figures,
        new Rate(dynamic, counted),
        new Rate(durable, counted),
        exits.stream()
            .map(x -> new PathLength(x.counted().learner(), x.joinedOn(), x.on()))
            .toList(),
        months);
  }

  /**
   * Rows in a stable order that does not depend on the names a reader may not see: by display name
   * (the reference for a pseudonymous learner), learner id, cohort id.
   */
  static <T> List<T> sorted(List<T> rows, Function<T, Counted> counted) {
    // the keys are read once per row, not once per comparison (national scale: tens of thousands
    // of rows; the chained comparators were most of the GEN indicators' time in the JVM)
    List<Keyed<T>> keyed = new ArrayList<>(rows.size());
    for (T row : rows) {
      CountedLearner l = counted.apply(row).learner();
      keyed.add(new Keyed<>(l.displayName(), l.learner().value(), l.cohort().value(), row));
    }
    keyed.sort(Keyed::compareTo);
    List<T> copy = new ArrayList<>(keyed.size());
    for (Keyed<T> k : keyed) {
      copy.add(k.row());
    }
    return copy;
  }

  /** A row with its sort keys. */
  private record Keyed<T>(String name, UUID learner, UUID cohort, T row) {
    int compareTo(Keyed<T> other) {
      int byName = name.compareTo(other.name);
      if (byName != 0) {
        return byName;
      }
      int byLearner = learner.compareTo(other.learner);
      return byLearner != 0 ? byLearner : cohort.compareTo(other.cohort);
    }
  }

  static Figure figure(List<Counted> counted) {
    return new Figure(counted.stream().map(Counted::learner).toList());
  }

  static Counted counted(ResultSet rs, Disclosure disclosure) throws SQLException {
    SchoolId school = new SchoolId(rs.getObject("school_id", UUID.class));
    return new Counted(
        school,
        disclosure.of(
            school,
            new CountedLearner(
                new CohortId(rs.getObject("cohort_id", UUID.class)),
                new LearnerId(rs.getObject("learner_id", UUID.class)),
                rs.getString("given_name") + " " + rs.getString("family_name"))));
  }
}
