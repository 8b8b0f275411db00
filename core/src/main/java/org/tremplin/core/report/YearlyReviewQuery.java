package org.tremplin.core.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.report.LearnerHours;
import org.tremplin.api.report.MonthlyHours;
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.PathLength;
import org.tremplin.api.report.Rate;

/**
 * The yearly review's SQL: three queries over the cohorts of a scope (entries, newest exits,
 * current attendance marks grouped by learner and month), whatever the number of learners; every
 * row keeps its school so one read serves every column of the network view. Stateless.
 */
final class YearlyReviewQuery {
  private YearlyReviewQuery() {}

  static final String NOT_TEST =
      " and not exists (select 1 from tremplin_test_account t where t.learner_id = l.id)";

  private static final String ATTENDED =
      Arrays.stream(Mark.values())
          .filter(m -> m.counts() == Mark.Counts.ATTENDED)
          .map(m -> "'" + m.name() + "'")
          .collect(Collectors.joining(", "));

  /** A learner counted, with the school of the cohort that counts them. */
  record Counted(SchoolId school, CountedLearner learner) {}

  record Left(Counted counted, ExitCategory category, LocalDate joinedOn, LocalDate on) {}

  record Hours(Counted counted, int month, int attended) {}

  /** Every row of a scope's review for a year. */
  record Rows(List<Counted> entries, List<Left> exits, List<Hours> hours) {}

  static Rows rows(Handle h, ScopeSql scope, int year, Disclosure disclosure) {
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

    // Read-side shape (docs/benchmarks.md, national scale): every mark of the year counts +1 when
    // attended, and each mark a correction superseded (the version just below it: versions are
    // contiguous) counts -1 when it was attended. One scan of the scope's marks instead of a probe
    // per mark for a newer version; grouped by ids before the names are joined.
    String attended = "case when %s.mark in (" + ATTENDED + ") then %d else 0 end";
    List<Hours> hours =
        sorted(
            scope
                .bind(
                    h.createQuery(
                        "select g.school_id, g.cohort_id, g.learner_id, l.given_name, l.family_name,"
                            + " g.mon, g.attended from (select u.school_id, u.cohort_id,"
                            + " u.learner_id, u.mon, sum(u.attended) as attended"
                            + " from (select c.school_id, a.cohort_id, a.learner_id,"
                            + " extract(month from a.half_day_date) as mon, "
                            + String.format(attended, "a", 1)
                            + " as attended from tremplin_attendance a"
                            + " join tremplin_cohort c on c.id = a.cohort_id"
                            + " where "
                            + scope.condition()
                            + " and a.half_day_date >= :from and a.half_day_date < :to"
                            + " union all select c.school_id, p.cohort_id, p.learner_id,"
                            + " extract(month from p.half_day_date) as mon, "
                            + String.format(attended, "p", -1)
                            + " as attended from tremplin_attendance k"
                            + " join tremplin_cohort c on c.id = k.cohort_id"
                            + " join tremplin_attendance p on p.cohort_id = k.cohort_id"
                            + " and p.half_day_date = k.half_day_date and p.part = k.part"
                            + " and p.learner_id = k.learner_id and p.version = k.version - 1"
                            + " where "
                            + scope.condition()
                            + " and k.version > 1"
                            + " and k.half_day_date >= :from and k.half_day_date < :to) u"
                            + " group by u.school_id, u.cohort_id, u.learner_id, u.mon) g"
                            + " join tremplin_learner l on l.id = g.learner_id"
                            + " where"
                            + NOT_TEST.substring(" and".length())))
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) ->
                        new Hours(counted(rs, disclosure), rs.getInt("mon"), rs.getInt("attended")))
                .list(),
            Hours::counted);
    return new Rows(entries, exits, hours);
  }

  /** The review's figures of the rows whose school passes the filter. */
  static NetworkView.Review review(Rows rows, Predicate<SchoolId> schools, int year) {
    List<Counted> entries = rows.entries().stream().filter(c -> schools.test(c.school())).toList();
    List<Left> exits =
        rows.exits().stream().filter(x -> schools.test(x.counted().school())).toList();
    List<Hours> hours =
        rows.hours().stream().filter(x -> schools.test(x.counted().school())).toList();

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

    List<MonthlyHours> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      int month = m;
      months.add(
          new MonthlyHours(
              YearMonth.of(year, month),
              hours.stream()
                  .filter(x -> x.month() == month)
                  .map(x -> new LearnerHours(x.counted().learner(), x.attended()))
                  .toList()));
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
  static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, Counted> counted) {
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
