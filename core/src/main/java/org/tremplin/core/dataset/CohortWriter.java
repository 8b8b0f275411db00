package org.tremplin.core.dataset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.tremplin.api.calendar.CohortCalendar;
import org.tremplin.api.calendar.PhaseSpan;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.exit.ExitClassification;
import org.tremplin.api.exit.ExitRules;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.api.programme.PhaseKind;
import org.tremplin.api.programme.TemplateRef;

/**
 * Writes one cohort and its learners' year into {@link Rows}: the rows depend only on the seed and
 * the cohort's coordinates, so cohorts can be generated in any order or thread. The distributions
 * are set out in ADR 0014. Not thread-safe (one per cohort).
 */
final class CohortWriter {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** Who the rows say recorded them when no person did. */
  static final String GENERATOR = "dataset";

  /** Follow-ups six months after exit exist up to this day. */
  static final LocalDate FOLLOW_UP_AS_OF = LocalDate.of(2026, 12, 1);

  private static final String[] MARKS = {
    "ABSENT_UNJUSTIFIED", "ABSENT_JUSTIFIED", "SICK_LEAVE", "PAID_LEAVE"
  };
  private static final int[] MARK_WEIGHTS = {40, 20, 30, 10};

  private static final ExitSituation[] FINISHER_SITUATIONS = {
    ExitSituation.CDI,
    ExitSituation.CDD,
    ExitSituation.INTERIM,
    ExitSituation.FONCTION_PUBLIQUE,
    ExitSituation.CREATION_ENTREPRISE,
    ExitSituation.CDD,
    ExitSituation.INTERIM,
    ExitSituation.CONTRAT_AIDE,
    ExitSituation.FORMATION_QUALIFIANTE,
    ExitSituation.AUTRE_SIAE,
    ExitSituation.RECHERCHE_EMPLOI,
    ExitSituation.INACTIF,
    ExitSituation.SANS_NOUVELLES,
    ExitSituation.SANTE,
    ExitSituation.DEMENAGEMENT
  };
  // The first CDD/INTERIM pair are contracts of 6 months or more, the second pair shorter ones.
  private static final int[] FINISHER_WEIGHTS = {14, 6, 3, 2, 2, 8, 5, 3, 18, 3, 25, 3, 4, 2, 2};
  private static final boolean[] FINISHER_LONG = {
    false, true, true, false, false, false, false, false, false, false, false, false, false, false,
    false
  };

  private static final ExitSituation[] LEAVER_SITUATIONS = {
    ExitSituation.RECHERCHE_EMPLOI,
    ExitSituation.SANS_NOUVELLES,
    ExitSituation.INACTIF,
    ExitSituation.SANTE,
    ExitSituation.DEMENAGEMENT,
    ExitSituation.DETENTION,
    ExitSituation.CDI,
    ExitSituation.CDD,
    ExitSituation.INTERIM,
    ExitSituation.FORMATION_QUALIFIANTE
  };
  private static final int[] LEAVER_WEIGHTS = {30, 15, 8, 12, 8, 2, 6, 8, 5, 6};

  private static final String[] BARRIERS = {
    "MOBILITY",
    "HOUSING",
    "BUDGET_DEBTS",
    "DIGITAL",
    "ADMINISTRATIVE",
    "HEALTH",
    "CHILDCARE_FAMILY",
    "FRENCH_LANGUAGE",
    "BASIC_SKILLS",
    "JUSTICE",
    "OTHER"
  };
  private static final int[] BARRIER_WEIGHTS = {18, 15, 12, 5, 12, 10, 10, 6, 4, 3, 5};
  private static final String[] BARRIER_TEXTS = {
    "Trajet long en transports",
    "Hébergement chez un tiers",
    "Dettes en cours de traitement",
    "Pas d'ordinateur personnel",
    "Titre de séjour à renouveler",
    "Suivi médical régulier",
    "Garde d'enfant à trouver",
    "Français écrit à consolider",
    "Calcul à consolider",
    "Obligations judiciaires",
    "Autre difficulté"
  };

  private final long seed;
  private final int school;
  private final int cohortIndex;
  private final int globalCohort;
  private final String departement;
  private final UUID schoolId;
  private final UUID cohortId;
  private final int learners;
  private final int capacity;
  private final CohortCalendar calendar;
  private final CertificationVersion certification;
  private final ExitRules exitRules;
  private final SplittableRandom random;
  private final LocalDate[] days;
  private final PhaseKind[] phases;
  private final OffsetDateTime[] markedAt;
  private final String trainer;
  private final String coach;
  private final long[] evidenceSeq;
  final Counts counts;

  /** Rows written by kind. */
  static final class Counts {
    int learners;
    int testAccounts;
    long marks;
    long evidence;
    long meetings;
    long barriers;
    long exits;
  }

  CohortWriter(
      long seed,
      int school,
      int cohortIndex,
      int globalCohort,
      String departement,
      UUID schoolId,
      int learners,
      int capacity,
      CohortCalendar calendar,
      CertificationVersion certification,
      ExitRules exitRules,
      long[] evidenceSeq) {
    this.seed = seed;
    this.school = school;
    this.cohortIndex = cohortIndex;
    this.globalCohort = globalCohort;
    this.departement = departement;
    this.schoolId = schoolId;
    this.cohortId = cohortId(seed, school, cohortIndex);
    this.learners = learners;
    this.capacity = capacity;
    this.calendar = calendar;
    this.certification = certification;
    this.exitRules = exitRules;
    this.evidenceSeq = evidenceSeq;
    this.random = Draw.stream(seed, 2, school, cohortIndex);
    this.days = calendar.workingDays().toArray(new LocalDate[0]);
    this.phases = new PhaseKind[days.length];
    this.markedAt = new OffsetDateTime[days.length];
    for (int d = 0; d < days.length; d++) {
      phases[d] = PhaseKind.INTENSIVE_TRAINING;
      for (PhaseSpan span : calendar.phases()) {
        if (span.range().contains(days[d])) {
          phases[d] = span.kind();
        }
      }
      markedAt[d] = at(days[d], 17, 30);
    }
    this.trainer = "trainer-" + departement + "-" + (cohortIndex + 1);
    this.coach = "coach-" + departement + "-" + (cohortIndex / 2 + 1);
    this.counts = new Counts();
  }

  static UUID schoolId(long seed, int school) {
    return Draw.id(seed, 1, school);
  }

  static UUID cohortId(long seed, int school, int cohort) {
    return Draw.id(seed, 3, school, cohort);
  }

  /** Writes the cohort, its closures and every learner's year. */
  void write(Rows rows, TemplateRef template, String name) {
    LocalDate first = calendar.range().first();
    rows.add(
        Table.COHORT,
        cohortId,
        schoolId,
        name,
        first,
        calendar.range().last(),
        template.id(),
        template.version(),
        capacity,
        at(first.minusDays(30), 9, 0));
    calendar.closures().forEach(c -> rows.add(Table.CLOSURE, cohortId, c.first(), c.last()));

    int initial = Math.min(learners, capacity);
    int replacements = learners - initial;
    boolean withTestAccount = globalCohort % 10 == 0;
    // Who leaves early (and is replaced): slots 1.. (slot 0 may be the test account).
    List<Integer> slots = new ArrayList<>();
    for (int i = 1; i < initial; i++) {
      slots.add(i);
    }
    for (int i = slots.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = slots.get(i);
      slots.set(i, slots.get(j));
      slots.set(j, t);
    }
    int earlyWindow = Math.max(11, days.length * 35 / 100);
    int[] earlyExit = new int[initial];
    java.util.Arrays.fill(earlyExit, -1);
    for (int r = 0; r < replacements && r < slots.size(); r++) {
      earlyExit[slots.get(r)] = 10 + random.nextInt(earlyWindow - 10);
    }
    int next = initial;
    for (int i = 0; i < initial; i++) {
      learner(rows, i, 0, earlyExit[i], withTestAccount && i == 0);
      if (earlyExit[i] >= 0) {
        int join = Math.min(days.length - 20, earlyExit[i] + 3 + random.nextInt(8));
        learner(rows, next++, Math.max(join, earlyExit[i] + 1), -1, false);
      }
    }
  }

  /** One learner from working day {@code join}; {@code leave} is an early exit's day, or -1. */
  private void learner(Rows rows, int number, int join, int leave, boolean test) {
    UUID id = Draw.id(seed, 4, school, cohortIndex, number);
    SplittableRandom r = Draw.stream(seed, 5, school, cohortIndex, number);
    int last = days.length - 1;
    boolean finishes;
    if (test) {
      finishes = true;
    } else if (leave >= 0 && leave < days.length - 1) {
      last = leave;
      finishes = false;
    } else if (r.nextInt(100) < 14) {
      last =
          Math.min(
              days.length - 2,
              join + 10 + r.nextInt(Math.max(1, days.length * 92 / 100 - join - 10)));
      finishes = false;
    } else {
      finishes = true;
    }
    LocalDate joined = days[join];
    LocalDate left = days[last];

    // Funder facts decide the name's list.
    int sexDraw = r.nextInt(100);
    String sex = sexDraw < 32 ? "FEMALE" : sexDraw < 98 ? "MALE" : "NOT_DECLARED";
    String given =
        Draw.oneOf(
            r,
            sex.equals("FEMALE")
                ? Names.WOMEN
                : sex.equals("MALE") ? Names.MEN : r.nextBoolean() ? Names.WOMEN : Names.MEN);
    String family = Draw.oneOf(r, Names.FAMILY);
    if (test) {
      given = "Compte";
      family = "Test " + (globalCohort + 1);
    }
    OffsetDateTime created = at(joined.minusDays(7), 9, 0);
    rows.add(Table.LEARNER, id, schoolId, given, family, created);
    counts.learners++;
    if (test) {
      rows.add(Table.TEST_ACCOUNT, id, GENERATOR, created);
      counts.testAccounts++;
    }
    rows.add(Table.ENROLMENT, cohortId, id, 1, "JOINED", joined, "", GENERATOR, at(joined, 9, 0));
    rows.add(Table.REFERENT, id, 1, coach, joined, GENERATOR, at(joined, 9, 30));

    double absence = absenceRate(r) + (finishes ? 0 : 0.08);
    attendance(rows, r, id, join, last, absence);
    if (test) {
      return;
    }
    double skill = 0.35 + 0.65 * r.nextDouble();
    evidence(rows, r, id, join, last, skill);
    meetings(rows, r, id, join, last);
    barriers(rows, r, id, join, last);
    contract(rows, r, id, joined, left);
    funderFacts(rows, r, id, joined, sex);
    exit(rows, r, id, left, finishes);
    if (finishes) {
      certification(rows, r, id, skill);
    }
  }

  private static double absenceRate(SplittableRandom r) {
    int band = r.nextInt(100);
    if (band < 60) {
      return 0.02 + 0.06 * r.nextDouble();
    }
    if (band < 90) {
      return 0.08 + 0.10 * r.nextDouble();
    }
    return 0.18 + 0.22 * r.nextDouble();
  }

  /**
   * Every half-day from {@code join} to {@code last}: absences come in spells (a two-state chain
   * whose long-run share is the learner's rate), lateness on 3 % of the others, the placement phase
   * in placement; 5 % of unjustified absences are corrected to justified two days later.
   */
  private void attendance(Rows rows, SplittableRandom r, UUID id, int join, int last, double rate) {
    double stay = 0.55;
    double start = rate * (1 - stay) / (1 - rate);
    String spell = null;
    for (int d = join; d <= last; d++) {
      for (int p = 0; p < 2; p++) {
        String part = p == 0 ? "AM" : "PM";
        double u = r.nextDouble();
        if (spell != null ? u < stay : u < start) {
          if (spell == null) {
            spell = MARKS[Draw.weighted(r, MARK_WEIGHTS)];
          }
        } else {
          spell = null;
        }
        String mark;
        int late = 0;
        if (spell != null) {
          mark = spell;
        } else if (phases[d] == PhaseKind.COMPANY_PLACEMENT) {
          mark = "IN_PLACEMENT";
        } else {
          int v = r.nextInt(1000);
          if (v < 30) {
            mark = "LATE";
            late = 5 + r.nextInt(41);
          } else if (v < 33) {
            mark = "TRAINING_ELSEWHERE";
          } else {
            mark = "PRESENT";
          }
        }
        rows.add(
            Table.ATTENDANCE, cohortId, id, days[d], part, 1, mark, late, trainer, markedAt[d], "");
        counts.marks++;
        if (mark.equals("ABSENT_UNJUSTIFIED") && r.nextInt(100) < 5) {
          rows.add(
              Table.ATTENDANCE,
              cohortId,
              id,
              days[d],
              part,
              2,
              "ABSENT_JUSTIFIED",
              0,
              coach,
              at(days[d].plusDays(2), 10, 0),
              "Justificatif reçu");
          counts.marks++;
        }
      }
    }
  }

  /**
   * Two to four assessments per competency while it is worked on (block 1 over the first half of
   * the cohort, block 2 from a third to three quarters), each a little more likely acquired than
   * the last; the block's in-training assessment and portfolio section once it is reached.
   */
  private void evidence(Rows rows, SplittableRandom r, UUID id, int join, int last, double skill) {
    List<CompetencyBlock> blocks = certification.blocks();
    for (int b = 0; b < blocks.size(); b++) {
      CompetencyBlock block = blocks.get(b);
      int from = days.length * (b == 0 ? 5 : 35) / 100;
      int to = days.length * (b == 0 ? 50 : 75) / 100;
      for (Competency c : block.competencies()) {
        int n = 2 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
          int d = from + (to - from) * (k * 3 + 1 + r.nextInt(3)) / (n * 3 + 1);
          if (d < join || d > last) {
            continue;
          }
          String criterion =
              !c.criteria().isEmpty() && r.nextInt(100) < 75
                  ? c.criteria().get(r.nextInt(c.criteria().size())).code()
                  : "";
          int s = r.nextInt(100);
          String source =
              s < 55
                  ? "TRAINER_ASSESSMENT"
                  : s < 70
                      ? "IN_TRAINING_ASSESSMENT"
                      : s < 90 || phases[d] != PhaseKind.REAL_PROJECT ? "LMS_GRADE" : "PROJECT";
          double p = skill * (k + 1) / n;
          double u = r.nextDouble();
          String result = u < p ? "ACQUIRED" : u < p + 0.3 ? "PARTIALLY_ACQUIRED" : "NOT_ACQUIRED";
          rows.add(
              Table.EVIDENCE,
              Draw.id(r),
              ++evidenceSeq[0],
              cohortId,
              id,
              c.code(),
              criterion,
              source,
              result,
              trainer,
              days[d],
              "",
              at(days[d], 18, 0));
          counts.evidence++;
        }
      }
      int ecf = to;
      if (ecf <= last && ecf >= join && r.nextDouble() < skill + 0.1) {
        rows.add(
            Table.MILESTONE,
            cohortId,
            id,
            block.code(),
            "IN_TRAINING_ASSESSMENT",
            days[ecf],
            trainer,
            at(days[ecf], 18, 0));
        int dp = Math.min(ecf + 5, days.length - 1);
        if (dp <= last && r.nextInt(100) < 80) {
          rows.add(
              Table.MILESTONE,
              cohortId,
              id,
              block.code(),
              "PORTFOLIO_SECTION",
              days[dp],
              trainer,
              at(days[dp], 18, 0));
        }
      }
    }
  }

  /** A meeting every two to four weeks; 14 % missed, mostly by the learner. */
  private void meetings(Rows rows, SplittableRandom r, UUID id, int join, int last) {
    for (int d = join + 3; d <= last; d += 10 + r.nextInt(11)) {
      LocalDateTime planned = LocalDateTime.of(days[d], LocalTime.of(9 + r.nextInt(7), 0));
      boolean missed = r.nextInt(100) < 14;
      String by = missed ? (r.nextInt(100) < 80 ? "LEARNER" : "COACH") : "";
      rows.add(
          Table.MEETING,
          Draw.id(r),
          cohortId,
          id,
          planned,
          missed ? "MISSED" : "HELD",
          by,
          missed ? "" : Draw.oneOf(r, Names.MEETING_NOTES),
          "",
          coach,
          coach,
          planned
              .plusHours(1)
              .atZone(PARIS)
              .toOffsetDateTime()
              .withOffsetSameInstant(ZoneOffset.UTC));
      counts.meetings++;
    }
  }

  /** None to three barriers, opened in the first weeks; two thirds change status later. */
  private void barriers(Rows rows, SplittableRandom r, UUID id, int join, int last) {
    int n = Draw.weighted(r, new int[] {35, 35, 20, 10});
    for (int k = 0; k < n; k++) {
      int d = Math.min(last, join + r.nextInt(15));
      int category = Draw.weighted(r, BARRIER_WEIGHTS);
      UUID barrier = Draw.id(r);
      String severity = Draw.oneOf(r, new String[] {"LOW", "MEDIUM", "MEDIUM", "HIGH"});
      rows.add(
          Table.BARRIER,
          barrier,
          cohortId,
          id,
          BARRIERS[category],
          severity,
          days[d],
          BARRIER_TEXTS[category]);
      rows.add(Table.BARRIER_STATUS, barrier, 1, "OPEN", days[d], "", coach, at(days[d], 11, 0));
      counts.barriers++;
      if (r.nextInt(100) < 65) {
        int later = Math.min(days.length - 1, d + 10 + r.nextInt(70));
        int s = r.nextInt(100);
        String status = s < 60 ? "RESOLVED" : s < 85 ? "IN_PROGRESS" : "ABANDONED";
        rows.add(
            Table.BARRIER_STATUS,
            barrier,
            2,
            status,
            days[later],
            "",
            coach,
            at(days[later], 11, 0));
      }
    }
  }

  /** A four-month CDDI from entry, renewed to the cohort's end when the path goes on; the PASS. */
  private void contract(Rows rows, SplittableRandom r, UUID id, LocalDate joined, LocalDate left) {
    LocalDate initialEnd = joined.plusMonths(4).minusDays(1);
    int hours = r.nextInt(100) < 10 ? 26 : 35;
    rows.add(Table.CONTRACT, id, "ACI", joined, initialEnd, hours, "", coach, at(joined, 9, 45));
    LocalDate end = calendar.range().last();
    if (left.isAfter(initialEnd) && end.isAfter(initialEnd)) {
      LocalDate signed = initialEnd.minusDays(14);
      rows.add(Table.RENEWAL, id, 1, signed, end, hours, coach, at(signed, 10, 0));
    }
    rows.add(
        Table.PASS,
        id,
        String.format("99999%02d%07d", joined.getYear() % 100, r.nextInt(10_000_000)),
        joined,
        coach,
        at(joined, 9, 50));
  }

  /**
   * Declared at entry: 32 % women; 45 % under 26 (70 % of them NEET); 38 % QPV residents; 85 %
   * registered jobseekers; diploma levels mostly CAP/BEP and bac.
   */
  private void funderFacts(Rows rows, SplittableRandom r, UUID id, LocalDate joined, String sex) {
    int band = r.nextInt(100);
    int age = band < 45 ? 18 + r.nextInt(8) : band < 85 ? 26 + r.nextInt(19) : 45 + r.nextInt(14);
    LocalDate birth = joined.minusYears(age).minusDays(r.nextInt(365));
    int level = Draw.weighted(r, new int[] {10, 2, 10, 25, 33, 10, 6, 4, 0});
    boolean qpv = r.nextInt(100) < 38;
    boolean neet = age < 26 && r.nextInt(100) < 70;
    boolean jobseeker = r.nextInt(100) < 85;
    rows.add(
        Table.FUNDER_FACTS,
        id,
        1,
        joined,
        sex,
        birth,
        level,
        qpv,
        neet,
        jobseeker,
        coach,
        at(joined, 10, 0));
  }

  /** The exit, classified by the exit rules; its follow-up six months later when due. */
  private void exit(Rows rows, SplittableRandom r, UUID id, LocalDate left, boolean finishes) {
    ExitClassification c;
    int months;
    if (finishes) {
      int i = Draw.weighted(r, FINISHER_WEIGHTS);
      months = contractMonths(r, FINISHER_SITUATIONS[i], FINISHER_LONG[i]);
      c = classify(FINISHER_SITUATIONS[i], months);
    } else {
      ExitSituation s = LEAVER_SITUATIONS[Draw.weighted(r, LEAVER_WEIGHTS)];
      months = contractMonths(r, s, r.nextBoolean());
      c = classify(s, months);
    }
    rows.add(
        Table.EXIT,
        cohortId,
        id,
        1,
        left,
        c.situation().name(),
        months,
        c.category().name(),
        c.dynamic(),
        c.rulesVersion(),
        "",
        coach,
        at(left, 18, 0));
    if (!finishes) {
      // LEFT is the first day no longer enrolled (LearnerService#leave), the day after the last
      // one attended; a learner who finishes stays enrolled to the cohort's last day, which no
      // LEFT may follow (GEN counts them as completing).
      LocalDate firstDayGone = left.plusDays(1);
      rows.add(
          Table.ENROLMENT,
          cohortId,
          id,
          2,
          "LEFT",
          firstDayGone,
          "exit",
          coach,
          at(firstDayGone, 9, 0));
    }
    counts.exits++;
    LocalDate observed = left.plusMonths(exitRules.followUpMonths());
    if (!observed.isAfter(FOLLOW_UP_AS_OF) && r.nextInt(100) < 80) {
      ExitClassification later = c;
      int laterMonths = months;
      if (!c.category().name().equals("EMPLOI_DURABLE") || r.nextInt(100) >= 85) {
        int i = Draw.weighted(r, FINISHER_WEIGHTS);
        laterMonths = contractMonths(r, FINISHER_SITUATIONS[i], FINISHER_LONG[i]);
        later = classify(FINISHER_SITUATIONS[i], laterMonths);
      }
      rows.add(
          Table.FOLLOW_UP,
          cohortId,
          id,
          observed,
          later.situation().name(),
          laterMonths,
          later.category().name(),
          later.dynamic(),
          later.rulesVersion(),
          coach,
          at(observed, 10, 0));
    }
  }

  private static int contractMonths(SplittableRandom r, ExitSituation s, boolean longContract) {
    if (s != ExitSituation.CDD && s != ExitSituation.INTERIM) {
      return 0;
    }
    return longContract ? 6 + r.nextInt(13) : 1 + r.nextInt(5);
  }

  private ExitClassification classify(ExitSituation s, int months) {
    return months > 0 ? exitRules.classify(s, months) : exitRules.classify(s);
  }

  /** The certification session ten days after the cohort's end. */
  private void certification(Rows rows, SplittableRandom r, UUID id, double skill) {
    LocalDate session = calendar.range().last().plusDays(10);
    int u = r.nextInt(100);
    int full = (int) Math.round(40 + 30 * skill);
    String outcome =
        u < full ? "FULL_TITLE" : u < full + 20 ? "PARTIAL" : u < full + 28 ? "FAILED" : "ABSENT";
    String blocks =
        outcome.equals("PARTIAL")
            ? certification.blocks().get(r.nextInt(certification.blocks().size())).code()
            : "";
    rows.add(Table.CERTIFICATION, id, 1, session, outcome, blocks, GENERATOR, at(session, 18, 0));
  }

  /** This local time in Paris on that day, as a UTC timestamp. */
  static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute)
        .atZone(PARIS)
        .toOffsetDateTime()
        .withOffsetSameInstant(ZoneOffset.UTC);
  }
}
