package org.tremplin.core.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.tremplin.api.report.PathLength;
import org.tremplin.api.report.Rate;
import org.tremplin.api.report.YearlyReview;

/**
 * The yearly review's SQL: three queries over the school's cohorts (entries, newest exits, current
 * attendance marks grouped by learner and month), whatever the number of learners. Stateless.
 */
final class YearlyReviewQuery {
  private YearlyReviewQuery() {}

  private static final String NOT_TEST =
      " and not exists (select 1 from tremplin_test_account t where t.learner_id = l.id)";

  private static final String ATTENDED =
      Arrays.stream(Mark.values())
          .filter(m -> m.counts() == Mark.Counts.ATTENDED)
          .map(m -> "'" + m.name() + "'")
          .collect(Collectors.joining(", "));

  static YearlyReview run(Handle h, SchoolId school, int year) {
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = from.plusYears(1);
    List<CountedLearner> entries =
        h.createQuery(
                "select e.cohort_id, e.learner_id, l.given_name, l.family_name"
                    + " from tremplin_enrolment_event e"
                    + " join tremplin_cohort c on c.id = e.cohort_id"
                    + " join tremplin_learner l on l.id = e.learner_id"
                    + " where c.school_id = :school and e.kind = :joined"
                    + " and e.event_date >= :from and e.event_date < :to"
                    + NOT_TEST
                    + " order by l.family_name, l.given_name, e.learner_id, e.cohort_id")
            .bind("school", school.value())
            .bind("joined", EnrolmentEventKind.JOINED.name())
            .bind("from", from)
            .bind("to", to)
            .map((rs, ctx) -> counted(rs))
            .list();

    record Left(CountedLearner learner, ExitCategory category, LocalDate joinedOn, LocalDate on) {}
    List<Left> exits =
        h.createQuery(
                "select x.cohort_id, x.learner_id, l.given_name, l.family_name, x.category,"
                    + " x.left_on, (select min(j.event_date) from tremplin_enrolment_event j"
                    + " where j.cohort_id = x.cohort_id and j.learner_id = x.learner_id"
                    + " and j.kind = :joined) as joined_on"
                    + " from tremplin_exit x"
                    + " join tremplin_cohort c on c.id = x.cohort_id"
                    + " join tremplin_learner l on l.id = x.learner_id"
                    + " where c.school_id = :school and x.left_on >= :from and x.left_on < :to"
                    + " and not exists (select 1 from tremplin_exit n where n.cohort_id ="
                    + " x.cohort_id and n.learner_id = x.learner_id and n.version > x.version)"
                    + NOT_TEST
                    + " order by l.family_name, l.given_name, x.learner_id, x.cohort_id")
            .bind("school", school.value())
            .bind("joined", EnrolmentEventKind.JOINED.name())
            .bind("from", from)
            .bind("to", to)
            .map(
                (rs, ctx) -> {
                  LocalDate on = rs.getObject("left_on", LocalDate.class);
                  LocalDate joined = rs.getObject("joined_on", LocalDate.class);
                  return new Left(
                      counted(rs),
                      ExitCategory.valueOf(rs.getString("category")),
                      joined == null ? on : joined,
                      on);
                })
            .list();

    record Hours(CountedLearner learner, int month, int attended) {}
    List<Hours> hours =
        h.createQuery(
                "select a.cohort_id, a.learner_id, l.given_name, l.family_name,"
                    + " extract(month from a.half_day_date) as mon,"
                    + " sum(case when a.mark in ("
                    + ATTENDED
                    + ") then 1 else 0 end) as attended"
                    + " from tremplin_attendance a"
                    + " join tremplin_cohort c on c.id = a.cohort_id"
                    + " join tremplin_learner l on l.id = a.learner_id"
                    + " where c.school_id = :school"
                    + " and a.half_day_date >= :from and a.half_day_date < :to"
                    + " and not exists (select 1 from tremplin_attendance n"
                    + " where n.cohort_id = a.cohort_id and n.half_day_date = a.half_day_date"
                    + " and n.part = a.part and n.learner_id = a.learner_id"
                    + " and n.version > a.version)"
                    + NOT_TEST
                    + " group by a.cohort_id, a.learner_id, l.given_name, l.family_name,"
                    + " extract(month from a.half_day_date)"
                    + " order by l.family_name, l.given_name, a.learner_id, a.cohort_id")
            .bind("school", school.value())
            .bind("from", from)
            .bind("to", to)
            .map((rs, ctx) -> new Hours(counted(rs), rs.getInt("mon"), rs.getInt("attended")))
            .list();

    Map<ExitCategory, List<CountedLearner>> byCategory = new EnumMap<>(ExitCategory.class);
    for (ExitCategory c : ExitCategory.values()) {
      byCategory.put(c, new ArrayList<>());
    }
    exits.forEach(x -> byCategory.get(x.category()).add(x.learner()));
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
                  .map(x -> new LearnerHours(x.learner(), x.attended()))
                  .toList()));
    }
    return new YearlyReview(
        school,
        year,
        new Figure(entries),
        new Figure(exits.stream().map(Left::learner).toList()),
        figures,
        new Rate(dynamic, counted),
        new Rate(durable, counted),
        exits.stream().map(x -> new PathLength(x.learner(), x.joinedOn(), x.on())).toList(),
        months);
  }

  private static CountedLearner counted(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CountedLearner(
        new CohortId(rs.getObject("cohort_id", UUID.class)),
        new LearnerId(rs.getObject("learner_id", UUID.class)),
        rs.getString("given_name") + " " + rs.getString("family_name"));
  }
}
