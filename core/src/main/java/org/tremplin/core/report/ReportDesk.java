package org.tremplin.core.report;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tremplin.api.CohortId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.report.AttendanceProof;
import org.tremplin.api.report.GenIndicators;
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.report.ReportService;
import org.tremplin.api.report.YearlyReview;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.internal.Database;

/**
 * {@link ReportService} on read-side queries: checks {@code REPORT_READ} on the scope, then reads
 * the whole report on one handle; names learners only for the schools whose files the reader may
 * open ({@code INSERTION_READ} on the school). Thread-safe.
 */
public final class ReportDesk implements ReportService {
  /** The longest attendance proof: a year. */
  static final int MAX_PROOF_DAYS = 366;

  private final Database database;
  private final SchoolService schools;
  private final CohortRegistry cohorts;
  private final AccessRules access;
  private final Clock clock;

  /**
   * A desk on the migrated database.
   *
   * @param database the database
   * @param schools the schools
   * @param cohorts the cohorts
   * @param access the permission matrix
   * @param clock the clock dating attendance proofs
   */
  public ReportDesk(
      Database database,
      SchoolService schools,
      CohortRegistry cohorts,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.schools = schools;
    this.cohorts = cohorts;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public YearlyReview yearlyReview(Actor actor, SchoolId school, int year) {
    return yearlyReview(actor, school, year, true);
  }

  /**
   * The school's yearly review without the hours per learner and month (its {@link
   * YearlyReview#monthlyHours()} has twelve empty months): what the manager's dashboard shows of
   * it, the exits, without reading the year's attendance. Same checks as {@link
   * #yearlyReview(Actor, SchoolId, int)}.
   *
   * @param actor who reads
   * @param school the school
   * @param year the year
   * @return the review, its monthly hours empty
   */
  public YearlyReview exitsReview(Actor actor, SchoolId school, int year) {
    return yearlyReview(actor, school, year, false);
  }

  private YearlyReview yearlyReview(Actor actor, SchoolId school, int year, boolean withHours) {
    TremplinException.required(actor, "actor");
    TremplinException.required(school, "school");
    checkYear(year);
    access.check(actor, Operation.REPORT_READ, new Target.OfSchool(school));
    schools.get(school);
    ReportScope scope = new ReportScope.OfSchool(school);
    NetworkView.Review r =
        database.read(
            h ->
                YearlyReviewQuery.review(
                    YearlyReviewQuery.rows(
                        h, ScopeSql.of(scope), year, disclosure(actor, List.of(school)), withHours),
                    year));
    return new YearlyReview(
        school,
        year,
        r.entries(),
        r.leavers(),
        r.exitsByCategory(),
        r.dynamicExits(),
        r.durableExits(),
        r.paths(),
        r.monthlyHours());
  }

  @Override
  public GenIndicators genIndicators(Actor actor, ReportScope scope, int year) {
    TremplinException.required(actor, "actor");
    TremplinException.required(scope, "scope");
    checkYear(year);
    List<School> covered = covered(actor, scope);
    Disclosure disclosure = disclosure(actor, covered.stream().map(School::id).toList());
    return database.read(
        h ->
            GenQuery.indicators(
                GenQuery.rows(h, ScopeSql.of(scope), year, disclosure), scope, year));
  }

  @Override
  public AttendanceProof attendanceProof(Actor actor, CohortId cohort, DateRange period) {
    TremplinException.required(actor, "actor");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(period, "period");
    TremplinException.check(
        ChronoUnit.DAYS.between(period.first(), period.last()) < MAX_PROOF_DAYS,
        "an attendance proof covers at most " + MAX_PROOF_DAYS + " days");
    Cohort c = cohorts.cohort(cohort);
    Target target = CohortRegistry.target(c);
    access.check(actor, Operation.REPORT_READ, target);
    access.check(actor, Operation.ATTENDANCE_READ, target);
    School school = schools.get(c.school());
    CohortCalendar calendar = cohorts.calendarOf(cohort);
    return database.read(
        h -> AttendanceProofQuery.run(h, school, c, calendar, period, clock.instant()));
  }

  @Override
  public NetworkView networkView(Actor actor, int year) {
    TremplinException.required(actor, "actor");
    checkYear(year);
    ReportScope network = new ReportScope.Network();
    List<School> all = covered(actor, network);
    all.sort(
        Comparator.comparing((School s) -> s.departement().code())
            .thenComparing(School::name)
            .thenComparing(s -> s.id().value()));
    Disclosure disclosure = disclosure(actor, all.stream().map(School::id).toList());
    ScopeSql sql = ScopeSql.of(network);
    record Read(YearlyReviewQuery.Rows yearly, GenQuery.Rows gen) {}
    Read rows =
        database.read(
            h ->
                new Read(
                    YearlyReviewQuery.rows(h, sql, year, disclosure),
                    GenQuery.rows(h, sql, year, disclosure)));
    // each row goes to its school's, its département's and the network's columns in one pass
    // (in the rows' order), so every column reads only its own rows
    Map<SchoolId, List<ReportScope>> columnsOf = new HashMap<>();
    TreeMap<String, ReportScope> departementsByCode = new TreeMap<>();
    for (School s : all) {
      ReportScope departement =
          departementsByCode.computeIfAbsent(
              s.departement().code(), code -> new ReportScope.OfDepartement(Departement.of(code)));
      columnsOf.put(s.id(), List.of(new ReportScope.OfSchool(s.id()), departement, network));
    }
    Map<ReportScope, YearlyReviewQuery.Rows> yearly = rows.yearly().byColumn(columnsOf);
    Map<ReportScope, GenQuery.Rows> gen = rows.gen().byColumn(columnsOf);
    List<NetworkView.Column> bySchool = new ArrayList<>();
    for (School s : all) {
      bySchool.add(column(yearly, gen, new ReportScope.OfSchool(s.id()), s.name(), year));
    }
    List<NetworkView.Column> departements = new ArrayList<>();
    departementsByCode.forEach((code, d) -> departements.add(column(yearly, gen, d, code, year)));
    return new NetworkView(year, bySchool, departements, column(yearly, gen, network, "", year));
  }

  /** A column from its own rows (none when no school of the network is in it). */
  private static NetworkView.Column column(
      Map<ReportScope, YearlyReviewQuery.Rows> yearly,
      Map<ReportScope, GenQuery.Rows> gen,
      ReportScope scope,
      String label,
      int year) {
    return new NetworkView.Column(
        scope,
        label,
        YearlyReviewQuery.review(
            yearly.getOrDefault(scope, new YearlyReviewQuery.Rows(List.of(), List.of(), List.of())),
            year),
        GenQuery.indicators(
            gen.getOrDefault(scope, new GenQuery.Rows(List.of(), List.of(), List.of(), List.of())),
            scope,
            year));
  }

  /** The schools of a scope, after checking {@code REPORT_READ} on it. */
  private List<School> covered(Actor actor, ReportScope scope) {
    if (scope instanceof ReportScope.OfSchool s) {
      access.check(actor, Operation.REPORT_READ, new Target.OfSchool(s.school()));
      return new ArrayList<>(List.of(schools.get(s.school())));
    }
    access.check(actor, Operation.REPORT_READ, new Target.OfNetwork());
    List<School> all = new ArrayList<>(schools.list());
    if (scope instanceof ReportScope.OfDepartement d) {
      all.removeIf(s -> !s.departement().equals(d.departement()));
    }
    return all;
  }

  private Disclosure disclosure(Actor actor, List<SchoolId> schoolIds) {
    Set<SchoolId> named = new HashSet<>();
    for (SchoolId s : schoolIds) {
      if (access.allows(actor, Operation.INSERTION_READ, new Target.OfSchool(s))) {
        named.add(s);
      }
    }
    return new Disclosure(named);
  }

  private static void checkYear(int year) {
    TremplinException.check(
        year >= 2000 && year <= 2100, "year must be between 2000 and 2100, got " + year);
  }
}
