package org.tremplin.web.api.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.attendance.AttendanceRecord;
import org.tremplin.api.exit.ExitCategory;
import org.tremplin.api.project.ClientKind;
import org.tremplin.api.project.CompetencyEvidenced;
import org.tremplin.api.project.CountedProject;
import org.tremplin.api.project.ProjectsReport;
import org.tremplin.api.report.AttendanceProof;
import org.tremplin.api.report.CountedLearner;
import org.tremplin.api.report.Figure;
import org.tremplin.api.report.GenIndicators;
import org.tremplin.api.report.LearnerHours;
import org.tremplin.api.report.MonthlyHours;
import org.tremplin.api.report.NetworkView;
import org.tremplin.api.report.PathLength;
import org.tremplin.api.report.Rate;
import org.tremplin.api.report.ReportScope;
import org.tremplin.api.school.School;

/**
 * The JSON views of the reports, with the command line's field names ({@code report ... --format
 * json}). A learner a figure counts is named ({@code learner}, {@code name}, {@code reference}) for
 * a reader who may open the school's learner files, and only by {@code reference} otherwise (ADR
 * 0013); lists of learners are present only with {@code details=true}. Immutable values.
 */
public final class ReportViews {
  private ReportViews() {}

  private static final String UUID_EXAMPLE = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e";

  /**
   * A learner a figure counts.
   *
   * @param cohort the cohort where they count
   * @param learner the learner's id; absent in the pseudonymous form
   * @param name "Given Family"; absent in the pseudonymous form
   * @param reference the pseudonymous reference, the same in every report
   */
  @Schema(name = "CountedLearner", description = "A learner a figure counts.")
  public record Counted(
      @Schema(example = UUID_EXAMPLE, format = "uuid") String cohort,
      @Schema(example = UUID_EXAMPLE, format = "uuid", description = "absent for pseudonymous")
          @Nullable String learner,
      @Schema(example = "Ada Lovelace", description = "absent for pseudonymous")
          @Nullable String name,
      @Schema(example = "L-3F9A1C2B07") String reference) {
    static Counted of(CountedLearner l) {
      boolean hidden = l.displayName().equals(l.reference());
      return new Counted(
          l.cohort().value().toString(),
          hidden ? null : l.learner().value().toString(),
          hidden ? null : l.displayName(),
          l.reference());
    }
  }

  /**
   * A count and, with details, the learners it counts.
   *
   * @param count how many
   * @param learners the learners counted (with {@code details=true})
   */
  @Schema(name = "Figure", description = "A count and, with details, the learners it counts.")
  public record FigureView(@Schema(example = "12") int count, @Nullable List<Counted> learners) {
    static FigureView of(Figure f, boolean details) {
      return new FigureView(
          f.count(), details ? f.learners().stream().map(Counted::of).toList() : null);
    }
  }

  /**
   * A share.
   *
   * @param count the numerator
   * @param outOf the denominator
   * @param percent the percentage, one decimal; absent when {@code outOf} is 0
   * @param learners the learners of the numerator (shares of entries, with details)
   */
  @Schema(name = "Rate", description = "count out of outOf, and the percentage.")
  public record RateView(
      @Schema(example = "4") int count,
      @Schema(example = "9") int outOf,
      @Schema(example = "44.4") @Nullable BigDecimal percent,
      @Nullable List<Counted> learners) {
    static RateView of(Rate r) {
      return new RateView(r.count(), r.outOf(), r.percent().orElse(null), null);
    }

    static RateView share(GenIndicators g, Figure f, boolean details) {
      Rate r = g.shareOfEntries(f);
      return new RateView(
          r.count(),
          r.outOf(),
          r.percent().orElse(null),
          details ? f.learners().stream().map(Counted::of).toList() : null);
    }
  }

  /**
   * A school named in a report.
   *
   * @param id its id
   * @param name its name
   */
  @Schema(name = "ReportSchool")
  public record SchoolRef(
      @Schema(example = UUID_EXAMPLE, format = "uuid") String id,
      @Schema(example = "École du Web 93") String name) {
    static SchoolRef of(School s) {
      return new SchoolRef(s.id().value().toString(), s.name());
    }
  }

  /**
   * The leavers' path lengths.
   *
   * @param count how many leavers
   * @param averageDays the average in days, one decimal; absent without leavers
   * @param learners each leaver's path (with details)
   */
  @Schema(name = "PathLengths")
  public record Paths(
      @Schema(example = "3") int count,
      @Schema(example = "142.3") @Nullable BigDecimal averageDays,
      @Nullable List<PathView> learners) {}

  /**
   * One leaver's path.
   *
   * @param learner the leaver
   * @param joinedOn the first day in the cohort
   * @param leftOn the exit date
   * @param days the days between
   */
  @Schema(name = "PathLength")
  public record PathView(
      Counted learner,
      @Schema(example = "2025-09-01") LocalDate joinedOn,
      @Schema(example = "2026-01-15") LocalDate leftOn,
      @Schema(example = "136") long days) {
    static PathView of(PathLength p) {
      return new PathView(Counted.of(p.learner()), p.joinedOn(), p.leftOn(), p.days());
    }
  }

  /**
   * Attended hours in one month.
   *
   * @param month the month ({@code 2025-10})
   * @param learners the learners on an attendance sheet that month
   * @param totalHours their attended hours
   * @param hoursPerLearner the average; absent when nobody was on a sheet
   * @param details each learner's hours (with details)
   */
  @Schema(name = "MonthlyHours")
  public record Month(
      @Schema(example = "2025-10") String month,
      @Schema(example = "11") int learners,
      @Schema(example = "1309.0") BigDecimal totalHours,
      @Schema(example = "119.00") @Nullable BigDecimal hoursPerLearner,
      @Nullable List<Hours> details) {
    static Month of(MonthlyHours m, boolean details) {
      return new Month(
          m.month().toString(),
          m.learners().size(),
          m.totalHours(),
          m.hoursPerLearner().orElse(null),
          details ? m.learners().stream().map(Hours::of).toList() : null);
    }
  }

  /**
   * A learner's attended hours in a month.
   *
   * @param learner the learner
   * @param hours the hours
   */
  @Schema(name = "LearnerHours")
  public record Hours(Counted learner, @Schema(example = "122.5") BigDecimal hours) {
    static Hours of(LearnerHours h) {
      return new Hours(Counted.of(h.learner()), h.hours());
    }
  }

  /**
   * A yearly review's figures (of a school, or a column of the network view).
   *
   * @param entries learners who first joined a cohort during the year
   * @param leavers learners whose exit is dated in the year
   * @param exitsByCategory the leavers by exit category, every category
   * @param dynamicExitRate durable + transition + positive out of leavers minus neutralised
   * @param durableExitRate durable out of leavers minus neutralised
   * @param pathLength the leavers' path lengths
   * @param monthlyHours the twelve months
   */
  @Schema(name = "ReviewFigures")
  public record Review(
      FigureView entries,
      FigureView leavers,
      Map<String, FigureView> exitsByCategory,
      RateView dynamicExitRate,
      RateView durableExitRate,
      Paths pathLength,
      List<Month> monthlyHours) {
    static Review of(NetworkView.Review r, boolean details) {
      Map<String, FigureView> categories = new LinkedHashMap<>();
      for (ExitCategory c : ExitCategory.values()) {
        categories.put(c.name(), FigureView.of(r.exitsByCategory().get(c), details));
      }
      return new Review(
          FigureView.of(r.entries(), details),
          FigureView.of(r.leavers(), details),
          categories,
          RateView.of(r.dynamicExits()),
          RateView.of(r.durableExits()),
          new Paths(
              r.paths().size(),
              r.averagePathDays().orElse(null),
              details ? r.paths().stream().map(PathView::of).toList() : null),
          r.monthlyHours().stream().map(m -> Month.of(m, details)).toList());
    }
  }

  /**
   * A school's yearly review.
   *
   * @param school the school
   * @param year the calendar year
   * @param review its figures
   */
  @Schema(name = "YearlyReview")
  public record Yearly(SchoolRef school, @Schema(example = "2025") int year, Review review) {}

  /**
   * What a GEN report covers: one of a school, a département, the network.
   *
   * @param school the school
   * @param departement the département's code
   * @param network true for the whole network
   */
  @Schema(name = "ReportScope")
  public record Scope(
      @Nullable SchoolRef school,
      @Schema(example = "2A") @Nullable String departement,
      @Schema(example = "true") @Nullable Boolean network) {
    static Scope of(ReportScope scope, @Nullable School school) {
      if (scope instanceof ReportScope.OfDepartement d) {
        return new Scope(null, d.departement().code(), null);
      }
      if (scope instanceof ReportScope.OfSchool) {
        return new Scope(school == null ? null : SchoolRef.of(school), null, null);
      }
      return new Scope(null, null, true);
    }
  }

  /**
   * The shares of the entries with funder facts.
   *
   * @param women declared women
   * @param neet neither in employment, education nor training at entry
   * @param qpvResidents living in a QPV
   * @param atOrBelowBac highest diploma the bac or below
   * @param under26 younger than 26 on the day they joined
   */
  @Schema(name = "SharesOfEntries")
  public record Shares(
      RateView women,
      RateView neet,
      RateView qpvResidents,
      RateView atOrBelowBac,
      RateView under26) {}

  /**
   * The Grande École du Numérique indicators.
   *
   * @param scope what they cover
   * @param year the calendar year
   * @param entries entries in the year
   * @param withoutFunderFacts entries with no funder facts
   * @param completions learners still in a cohort on its last day, in the year
   * @param fullTitles full titles of the year's sessions
   * @param partialTitles partial titles of the year's sessions
   * @param sharesOfEntries the shares of the entries with facts
   * @param leavers exits dated in the year
   * @param situationAtSixMonths followed-up leavers by category six months on
   * @param followUpPending leavers not followed up yet
   * @param dynamicAtSixMonths dynamic situations six months on
   * @param durableAtSixMonths durable employment six months on
   */
  @Schema(name = "GenIndicators")
  public record Gen(
      Scope scope,
      @Schema(example = "2025") int year,
      FigureView entries,
      FigureView withoutFunderFacts,
      FigureView completions,
      FigureView fullTitles,
      FigureView partialTitles,
      Shares sharesOfEntries,
      FigureView leavers,
      Map<String, FigureView> situationAtSixMonths,
      FigureView followUpPending,
      RateView dynamicAtSixMonths,
      RateView durableAtSixMonths) {
    static Gen of(GenIndicators g, @Nullable School school, boolean details) {
      Map<String, FigureView> six = new LinkedHashMap<>();
      for (ExitCategory c : ExitCategory.values()) {
        six.put(c.name(), FigureView.of(g.situationAtSixMonths().get(c), details));
      }
      return new Gen(
          Scope.of(g.scope(), school),
          g.year(),
          FigureView.of(g.entries(), details),
          FigureView.of(g.withoutFunderFacts(), details),
          FigureView.of(g.completions(), details),
          FigureView.of(g.fullTitles(), details),
          FigureView.of(g.partialTitles(), details),
          new Shares(
              RateView.share(g, g.women(), details),
              RateView.share(g, g.neet(), details),
              RateView.share(g, g.qpvResidents(), details),
              RateView.share(g, g.atOrBelowBac(), details),
              RateView.share(g, g.under26(), details)),
          FigureView.of(g.leavers(), details),
          six,
          FigureView.of(g.followUpPending(), details),
          RateView.of(g.dynamicAtSixMonths()),
          RateView.of(g.durableAtSixMonths()));
    }
  }

  /**
   * One column of the network view.
   *
   * @param scope {@code school}, {@code departement} or {@code network}
   * @param school the school's id (school columns)
   * @param label the school's name, the département's code, empty for the network
   * @param review the yearly review's figures
   * @param gen the GEN indicators
   */
  @Schema(name = "NetworkColumn")
  public record Column(
      @Schema(
              example = "school",
              allowableValues = {"school", "departement", "network"})
          String scope,
      @Schema(example = UUID_EXAMPLE, format = "uuid") @Nullable String school,
      @Schema(example = "École du Web 93") String label,
      Review review,
      Gen gen) {
    static Column of(NetworkView.Column c, boolean details) {
      String kind =
          c.scope() instanceof ReportScope.OfSchool
              ? "school"
              : c.scope() instanceof ReportScope.OfDepartement ? "departement" : "network";
      return new Column(
          kind,
          c.scope() instanceof ReportScope.OfSchool s ? s.school().value().toString() : null,
          c.label(),
          Review.of(c.review(), details),
          Gen.of(c.gen(), null, details));
    }
  }

  /**
   * The network view: every school and département side by side, and the network.
   *
   * @param year the calendar year
   * @param schools a column per school
   * @param departements a column per département
   * @param network the network's column
   */
  @Schema(name = "NetworkView")
  public record Network(
      @Schema(example = "2025") int year,
      List<Column> schools,
      List<Column> departements,
      Column network) {
    static Network of(NetworkView v, boolean details) {
      return new Network(
          v.year(),
          v.schools().stream().map(c -> Column.of(c, details)).toList(),
          v.departements().stream().map(c -> Column.of(c, details)).toList(),
          Column.of(v.network(), details));
    }
  }

  /**
   * A project a figure counts.
   *
   * @param project its id
   * @param cohort its cohort
   * @param title its title
   * @param client the client's name
   * @param clientKind the client's kind
   * @param qpvBased whether the client is based in a QPV
   * @param team who built it
   */
  @Schema(name = "CountedProject")
  public record ProjectView(
      @Schema(example = UUID_EXAMPLE, format = "uuid") String project,
      @Schema(example = UUID_EXAMPLE, format = "uuid") String cohort,
      @Schema(example = "Site de la boulangerie") String title,
      @Schema(example = "Boulangerie Martin") String client,
      ClientKind clientKind,
      @Schema(example = "true") boolean qpvBased,
      List<Counted> team) {
    static ProjectView of(CountedProject p) {
      return new ProjectView(
          p.id().value().toString(),
          p.cohort().value().toString(),
          p.title(),
          p.client(),
          p.kind(),
          p.qpvBased(),
          p.team().stream().map(Counted::of).toList());
    }
  }

  /**
   * A count of projects and, with details, the projects.
   *
   * @param count how many
   * @param projects the projects (with details)
   */
  @Schema(name = "ProjectFigure")
  public record Projects(@Schema(example = "3") int count, @Nullable List<ProjectView> projects) {
    static Projects of(List<CountedProject> list, boolean details) {
      return new Projects(
          list.size(), details ? list.stream().map(ProjectView::of).toList() : null);
    }
  }

  /**
   * A competency the delivered projects evidenced.
   *
   * @param count the projects
   * @param projects the projects (with details)
   * @param learners the team members counted
   * @param learnerDetails those members (with details)
   */
  @Schema(name = "CompetencyEvidenced")
  public record Competency(
      @Schema(example = "2") int count,
      @Nullable List<ProjectView> projects,
      @Schema(example = "5") int learners,
      @Nullable List<Counted> learnerDetails) {
    static Competency of(CompetencyEvidenced c, boolean details) {
      return new Competency(
          c.projects().size(),
          details ? c.projects().stream().map(ProjectView::of).toList() : null,
          c.learners().count(),
          details ? c.learners().learners().stream().map(Counted::of).toList() : null);
    }
  }

  /**
   * A school's projects report.
   *
   * @param school the school
   * @param from the period's first day
   * @param to the period's last day
   * @param delivered delivered in the period
   * @param inProgress started and not delivered by the period's last day
   * @param deliveredByClientKind delivered, by client kind (every kind)
   * @param deliveredForQpvClients delivered for clients based in a QPV
   * @param competencies by competency code
   */
  @Schema(name = "ProjectsReport")
  public record ProjectsView(
      SchoolRef school,
      @Schema(example = "2025-09-01") LocalDate from,
      @Schema(example = "2026-06-30") LocalDate to,
      Projects delivered,
      Projects inProgress,
      Map<String, Projects> deliveredByClientKind,
      Projects deliveredForQpvClients,
      Map<String, Competency> competencies) {
    static ProjectsView of(School school, ProjectsReport r, boolean details) {
      Map<String, Projects> kinds = new LinkedHashMap<>();
      for (ClientKind k : ClientKind.values()) {
        kinds.put(k.name(), Projects.of(r.deliveredByKind().get(k), details));
      }
      Map<String, Competency> competencies = new LinkedHashMap<>();
      for (CompetencyEvidenced c : r.competencies()) {
        competencies.put(c.competency(), Competency.of(c, details));
      }
      return new ProjectsView(
          SchoolRef.of(school),
          r.period().first(),
          r.period().last(),
          Projects.of(r.delivered(), details),
          Projects.of(r.inProgress(), details),
          kinds,
          Projects.of(r.deliveredForQpvClients(), details),
          competencies);
    }
  }

  /**
   * A cohort named in a report.
   *
   * @param id its id
   * @param name its name
   */
  @Schema(name = "ReportCohort")
  public record CohortRef(
      @Schema(example = UUID_EXAMPLE, format = "uuid") String id,
      @Schema(example = "DWWM 2025-2026") String name) {}

  /**
   * One stored version of a learner's half-day.
   *
   * @param version 1 for the first mark, then each correction
   * @param mark the mark
   * @param lateMinutes minutes late (a late mark)
   * @param recordedBy who recorded it
   * @param recordedAt when
   * @param reason why (corrections)
   */
  @Schema(name = "ProofVersion")
  public record Version(
      @Schema(example = "1") int version,
      @Schema(example = "PRESENT") String mark,
      @Schema(example = "0") int lateMinutes,
      @Schema(example = "trainer-1") String recordedBy,
      @Schema(example = "2025-10-06T08:05:00Z") Instant recordedAt,
      @Schema(example = "") String reason) {
    static Version of(AttendanceRecord r) {
      return new Version(
          r.version(),
          r.mark().mark().name(),
          r.mark().lateMinutes(),
          r.recordedBy(),
          r.recordedAt(),
          r.reason());
    }
  }

  /**
   * A learner's half-day in the proof.
   *
   * @param date the day
   * @param part {@code AM} or {@code PM}
   * @param versions every stored version, oldest first; empty when not marked
   */
  @Schema(name = "ProofLine")
  public record Line(
      @Schema(example = "2025-10-06") LocalDate date,
      @Schema(example = "AM") String part,
      List<Version> versions) {}

  /**
   * A learner's sheet in the proof.
   *
   * @param learner the learner (by name: the proof is the manager's signed sheet)
   * @param attended half-days attended
   * @param justifiedAbsences justified absences
   * @param unjustifiedAbsences unjustified absences
   * @param unmarked half-days not marked
   * @param corrections versions after the first
   * @param attendedHours 3.5 per attended half-day
   * @param lines one per half-day of the proof
   */
  @Schema(name = "ProofSheet")
  public record Sheet(
      Counted learner,
      @Schema(example = "18") int attended,
      @Schema(example = "1") int justifiedAbsences,
      @Schema(example = "1") int unjustifiedAbsences,
      @Schema(example = "0") int unmarked,
      @Schema(example = "1") int corrections,
      @Schema(example = "63.0") BigDecimal attendedHours,
      List<Line> lines) {
    static Sheet of(AttendanceProof.Sheet s) {
      return new Sheet(
          Counted.of(s.learner()),
          s.attended(),
          s.justifiedAbsences(),
          s.unjustifiedAbsences(),
          s.unmarked(),
          s.corrections(),
          s.attendedHours(),
          s.lines().stream()
              .map(
                  l ->
                      new Line(
                          l.halfDay().date(),
                          l.halfDay().part().name(),
                          l.versions().stream().map(Version::of).toList()))
              .toList());
    }
  }

  /**
   * The attendance proof of a cohort over a period (its generation time is in the PDF only, so the
   * JSON's entity tag changes only when the sheet does).
   *
   * @param school the school
   * @param cohort the cohort
   * @param from the period's first day
   * @param to the period's last day
   * @param learners a sheet per learner
   */
  @Schema(name = "AttendanceProof")
  public record Proof(
      SchoolRef school,
      CohortRef cohort,
      @Schema(example = "2025-10-01") LocalDate from,
      @Schema(example = "2025-10-31") LocalDate to,
      List<Sheet> learners) {
    static Proof of(AttendanceProof p) {
      return new Proof(
          SchoolRef.of(p.school()),
          new CohortRef(p.cohort().id().value().toString(), p.cohort().name()),
          p.period().first(),
          p.period().last(),
          p.learners().stream().map(Sheet::of).toList());
    }
  }
}
