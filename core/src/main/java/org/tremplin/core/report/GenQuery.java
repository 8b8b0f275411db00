package org.tremplin.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.SchoolId;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.funder.CertificationOutcome;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.report.GenIndicators;
import org.tremplin.api.report.ReportScope;
import org.tremplin.core.report.YearlyReviewQuery.Counted;

/**
 * The Grande École du Numérique indicators' SQL: four set-based queries over the cohorts of a scope
 * (entries with their newest funder facts, completions, newest certification results, newest exits
 * with their six-month follow-up), whatever the number of learners; every row keeps its school so
 * one read serves every column of the network view. Stateless.
 */
final class GenQuery {
  private GenQuery() {}

  private static final String NOT_TEST = YearlyReviewQuery.NOT_TEST;

  /** An entry with the newest funder facts of the learner, if any. */
  record Entry(
      Counted counted,
      LocalDate joinedOn,
      boolean hasFacts,
      @Nullable String sex,
      @Nullable LocalDate birthDate,
      int diplomaLevel,
      boolean qpv,
      boolean neet) {}

  record Title(Counted counted, CertificationOutcome outcome) {}

  record Leaver(Counted counted, @Nullable ExitCategory atSixMonths) {}

  /** Every row of a scope's indicators for a year. */
  record Rows(
      List<Entry> entries, List<Counted> completions, List<Title> titles, List<Leaver> leavers) {
    /**
     * The rows of each column in one pass: a row goes to every column its school is in (to none
     * when its school is in none), in this order; a column without rows has empty lists.
     */
    Map<ReportScope, Rows> byColumn(Map<SchoolId, List<ReportScope>> columns) {
      Map<ReportScope, List<Entry>> e = YearlyReviewQuery.split(entries, Entry::counted, columns);
      Map<ReportScope, List<Counted>> c = YearlyReviewQuery.split(completions, k -> k, columns);
      Map<ReportScope, List<Title>> t = YearlyReviewQuery.split(titles, Title::counted, columns);
      Map<ReportScope, List<Leaver>> x = YearlyReviewQuery.split(leavers, Leaver::counted, columns);
      return YearlyReviewQuery.perColumn(
          columns,
          k ->
              new Rows(
                  e.getOrDefault(k, List.of()),
                  c.getOrDefault(k, List.of()),
                  t.getOrDefault(k, List.of()),
                  x.getOrDefault(k, List.of())));
    }
  }

  static Rows rows(Handle h, ScopeSql scope, int year, Disclosure disclosure) {
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = from.plusYears(1);
    List<Entry> entries =
        YearlyReviewQuery.sorted(
            scope
                .bind(
                    h.createQuery(
                        "select c.school_id, e.cohort_id, e.learner_id, l.given_name, l.family_name,"
                            + " e.event_date, f.version as facts_version, f.sex, f.birth_date,"
                            + " f.diploma_level, f.qpv_resident, f.neet_at_entry"
                            + " from tremplin_enrolment_event e"
                            + " join tremplin_cohort c on c.id = e.cohort_id"
                            + " join tremplin_learner l on l.id = e.learner_id"
                            + " left join (select * from tremplin_funder_facts v where not exists"
                            + " (select 1 from tremplin_funder_facts n where n.learner_id = v.learner_id"
                            + " and n.version > v.version)) f on f.learner_id = l.id"
                            + " where "
                            + scope.condition()
                            + " and e.kind = :joined"
                            + " and e.event_date >= :from and e.event_date < :to"
                            + NOT_TEST))
                .bind("joined", EnrolmentEventKind.JOINED.name())
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) -> {
                      boolean facts = rs.getObject("facts_version") != null;
                      return new Entry(
                          YearlyReviewQuery.counted(rs, disclosure),
                          rs.getObject("event_date", LocalDate.class),
                          facts,
                          rs.getString("sex"),
                          rs.getObject("birth_date", LocalDate.class),
                          facts ? rs.getInt("diploma_level") : 0,
                          facts && rs.getBoolean("qpv_resident"),
                          facts && rs.getBoolean("neet_at_entry"));
                    })
                .list(),
            Entry::counted);

    List<Counted> completions =
        YearlyReviewQuery.sorted(
            scope
                .bind(
                    h.createQuery(
                        "select c.school_id, e.cohort_id, e.learner_id, l.given_name, l.family_name"
                            + " from tremplin_enrolment_event e"
                            + " join tremplin_cohort c on c.id = e.cohort_id"
                            + " join tremplin_learner l on l.id = e.learner_id"
                            + " where "
                            + scope.condition()
                            + " and e.kind = :joined and e.event_date <= c.last_day"
                            + " and c.last_day >= :from and c.last_day < :to"
                            + " and not exists (select 1 from tremplin_enrolment_event o"
                            + " where o.cohort_id = e.cohort_id and o.learner_id = e.learner_id"
                            + " and o.kind = :left and o.event_date <= c.last_day"
                            + " and not exists (select 1 from tremplin_enrolment_event r"
                            + " where r.cohort_id = o.cohort_id and r.learner_id = o.learner_id"
                            + " and r.kind = :reentered and r.seq > o.seq"
                            + " and r.event_date <= c.last_day))"
                            + " and not exists (select 1 from tremplin_exit x"
                            + " where x.cohort_id = e.cohort_id and x.learner_id = e.learner_id"
                            + " and x.left_on < c.last_day and not exists (select 1 from tremplin_exit"
                            + " n where n.cohort_id = x.cohort_id and n.learner_id = x.learner_id"
                            + " and n.version > x.version))"
                            + NOT_TEST))
                .bind("joined", EnrolmentEventKind.JOINED.name())
                .bind("left", EnrolmentEventKind.LEFT.name())
                .bind("reentered", EnrolmentEventKind.REENTERED.name())
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> YearlyReviewQuery.counted(rs, disclosure))
                .list(),
            c -> c);

    // A certification result belongs to the learner; it counts in the cohort they joined last.
    List<Title> titles =
        YearlyReviewQuery.sorted(
            scope
                .bind(
                    h.createQuery(
                        "select c.school_id, e.cohort_id, r.learner_id, l.given_name, l.family_name,"
                            + " r.outcome"
                            + " from tremplin_certification_result r"
                            + " join tremplin_learner l on l.id = r.learner_id"
                            + " join tremplin_enrolment_event e on e.learner_id = r.learner_id"
                            + " and e.kind = :joined"
                            + " join tremplin_cohort c on c.id = e.cohort_id"
                            + " where "
                            + scope.condition()
                            + " and r.session_on >= :from and r.session_on < :to"
                            + " and r.outcome in (:full, :partial)"
                            + " and not exists (select 1 from tremplin_certification_result n"
                            + " where n.learner_id = r.learner_id and n.version > r.version)"
                            + " and not exists (select 1 from tremplin_enrolment_event j"
                            + " where j.learner_id = e.learner_id and j.kind = :joined"
                            + " and (j.event_date > e.event_date or (j.event_date = e.event_date"
                            + " and j.cohort_id > e.cohort_id)))"
                            + NOT_TEST))
                .bind("joined", EnrolmentEventKind.JOINED.name())
                .bind("full", CertificationOutcome.FULL_TITLE.name())
                .bind("partial", CertificationOutcome.PARTIAL.name())
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) ->
                        new Title(
                            YearlyReviewQuery.counted(rs, disclosure),
                            CertificationOutcome.valueOf(rs.getString("outcome"))))
                .list(),
            Title::counted);

    List<Leaver> leavers =
        YearlyReviewQuery.sorted(
            scope
                .bind(
                    h.createQuery(
                        "select c.school_id, x.cohort_id, x.learner_id, l.given_name, l.family_name,"
                            + " u.category as follow_up"
                            + " from tremplin_exit x"
                            + " join tremplin_cohort c on c.id = x.cohort_id"
                            + " join tremplin_learner l on l.id = x.learner_id"
                            + " left join tremplin_exit_follow_up u on u.cohort_id = x.cohort_id"
                            + " and u.learner_id = x.learner_id"
                            + " where "
                            + scope.condition()
                            + " and x.left_on >= :from and x.left_on < :to"
                            + " and not exists (select 1 from tremplin_exit n where n.cohort_id ="
                            + " x.cohort_id and n.learner_id = x.learner_id and n.version > x.version)"
                            + NOT_TEST))
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) -> {
                      String category = rs.getString("follow_up");
                      return new Leaver(
                          YearlyReviewQuery.counted(rs, disclosure),
                          category == null ? null : ExitCategory.valueOf(category));
                    })
                .list(),
            Leaver::counted);
    return new Rows(entries, completions, titles, leavers);
  }

  /** The indicators of the rows (of one column: split them first, {@link Rows#byColumn}). */
  static GenIndicators indicators(Rows rows, ReportScope scope, int year) {
    List<Entry> entries = rows.entries();
    List<Title> titles = rows.titles();
    List<Leaver> leavers = rows.leavers();
    Map<ExitCategory, Figure> atSixMonths = new EnumMap<>(ExitCategory.class);
    for (ExitCategory c : ExitCategory.values()) {
      atSixMonths.put(
          c,
          new Figure(
              leavers.stream()
                  .filter(x -> x.atSixMonths() == c)
                  .map(x -> x.counted().learner())
                  .toList()));
    }
    return new GenIndicators(
        scope,
        year,
        entries(entries, e -> true),
        entries(entries, e -> !e.hasFacts()),
        YearlyReviewQuery.figure(rows.completions()),
        titles(titles, CertificationOutcome.FULL_TITLE),
        titles(titles, CertificationOutcome.PARTIAL),
        entries(entries, e -> DeclaredSex.FEMALE.name().equals(e.sex())),
        entries(entries, e -> e.hasFacts() && e.neet()),
        entries(entries, e -> e.hasFacts() && e.qpv()),
        entries(entries, e -> e.hasFacts() && DiplomaLevel.of(e.diplomaLevel()).atOrBelowBac()),
        entries(
            entries,
            e -> e.birthDate() != null && e.birthDate().plusYears(26).isAfter(e.joinedOn())),
        new Figure(leavers.stream().map(x -> x.counted().learner()).toList()),
        atSixMonths,
        new Figure(
            leavers.stream()
                .filter(x -> x.atSixMonths() == null)
                .map(x -> x.counted().learner())
                .toList()));
  }

  private static Figure entries(List<Entry> entries, Predicate<Entry> which) {
    List<CountedLearner> out = new ArrayList<>();
    entries.stream().filter(which).forEach(e -> out.add(e.counted().learner()));
    return new Figure(out);
  }

  private static Figure titles(List<Title> titles, CertificationOutcome outcome) {
    return new Figure(
        titles.stream()
            .filter(t -> t.outcome() == outcome)
            .map(t -> t.counted().learner())
            .toList());
  }
}
