package org.tremplin.core.imports;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.CohortService;
import org.tremplin.api.funder.DeclaredSex;
import org.tremplin.api.funder.DiplomaLevel;
import org.tremplin.api.funder.FunderFacts;
import org.tremplin.api.funder.FunderFactsService;
import org.tremplin.api.imports.ImportProblem.Reason;
import org.tremplin.api.imports.ImportReport;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.funder.JdbiFunderFacts;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;

/**
 * A learners file: each row registers the learner with the school's reference (or finds them by
 * it), enrols them in the named cohort and declares their funder facts, through the learner and
 * funder services, in one transaction; what is stored as the row says already is left alone.
 * Thread-safe.
 */
final class LearnerImport {
  /** Longest reference. */
  static final int MAX_REFERENCE = 64;

  private final Database database;
  private final LearnerReferences references;
  private final CohortService cohorts;
  private final LearnerRegistry learners;
  private final FunderFactsService funder;
  private final JdbiFunderFacts facts;

  LearnerImport(
      Database database,
      LearnerReferences references,
      CohortService cohorts,
      LearnerRegistry learners,
      FunderFactsService funder,
      JdbiFunderFacts facts) {
    this.database = database;
    this.references = references;
    this.cohorts = cohorts;
    this.learners = learners;
    this.funder = funder;
    this.facts = facts;
  }

  /** A row read and checked on its own. */
  private record Parsed(
      int line,
      String reference,
      String givenName,
      String familyName,
      String email,
      String cohort,
      Optional<LocalDate> joinedOn,
      Optional<LocalDate> declaredOn,
      Optional<FactsRead> facts) {}

  /** The funder facts of a row, without their declaration date (the joining day by default). */
  private record FactsRead(
      DeclaredSex sex,
      LocalDate birthDate,
      DiplomaLevel level,
      boolean qpv,
      boolean neet,
      boolean jobseeker) {}

  private static final class Columns {
    final CsvFile file;
    final Optional<Integer> reference;
    final Optional<Integer> given;
    final Optional<Integer> family;
    final Optional<Integer> email;
    final Optional<Integer> cohort;
    final Optional<Integer> joinedOn;
    final Optional<Integer> declaredOn;
    final Optional<Integer> sex;
    final Optional<Integer> birth;
    final Optional<Integer> level;
    final Optional<Integer> qpv;
    final Optional<Integer> neet;
    final Optional<Integer> jobseeker;

    Columns(CsvFile f) {
      file = f;
      reference = f.column("reference", "ref", "matricule", "reference_apprenant");
      given = f.column("given_name", "prenom", "first_name");
      family = f.column("family_name", "nom", "last_name", "nom_de_famille");
      email = f.column("email", "e_mail", "courriel", "mail");
      cohort = f.column("cohort", "promotion", "promo", "session");
      joinedOn = f.column("joined_on", "date_entree", "date_d_entree", "entree", "entry_date");
      declaredOn = f.column("declared_on", "date_declaration", "declare_le");
      sex = f.column("sex", "sexe");
      birth = f.column("birth_date", "date_naissance", "date_de_naissance", "naissance");
      level = f.column("diploma_level", "niveau_diplome", "niveau");
      qpv = f.column("qpv", "residence_qpv", "qpv_resident");
      neet = f.column("neet", "neet_at_entry");
      jobseeker =
          f.column(
              "jobseeker", "demandeur_emploi", "jobseeker_registered", "inscrit_france_travail");
    }

    String value(CsvFile.Row row, Optional<Integer> column) {
      return column.map(row::get).orElse("");
    }

    String name(Optional<Integer> column, String fallback) {
      return column.map(file::name).orElse(fallback);
    }
  }

  ImportReport run(Actor actor, SchoolId school, CsvFile file, boolean dryRun) {
    Rows rows = new Rows(ImportReport.Kind.LEARNERS, dryRun, file);
    if (file.unreadable()) {
      return rows.report();
    }
    Columns c = new Columns(file);
    boolean incomplete = false;
    incomplete |= AttendanceImport.missing(file, rows.problems(), c.reference, "reference");
    incomplete |= AttendanceImport.missing(file, rows.problems(), c.given, "given_name");
    incomplete |= AttendanceImport.missing(file, rows.problems(), c.family, "family_name");
    incomplete |= AttendanceImport.missing(file, rows.problems(), c.cohort, "cohort");
    if (incomplete) {
      return rows.report();
    }
    Set<String> seen = new HashSet<>();
    List<Parsed> parsed =
        file.rows().stream()
            .map(row -> parse(c, row, rows, seen))
            .flatMap(Optional::stream)
            .toList();
    Map<String, Cohort> byName = new java.util.HashMap<>();
    for (Cohort cohort : cohorts.bySchool(actor, school)) {
      byName.putIfAbsent(CsvFile.key(cohort.name()), cohort);
    }
    try {
      database.inTransaction(
          h -> {
            Map<String, LearnerReferences.Known> known = references.ofSchool(school);
            for (Parsed p : parsed) {
              try {
                Optional<Rows.Outcome> outcome = apply(actor, school, c, p, byName, known, rows);
                outcome.ifPresent(rows::count);
              } catch (TremplinException e) {
                rows.refused(p.line(), "", e);
              }
            }
            if (rows.undo()) {
              throw new Rows.Undo();
            }
            return null;
          });
    } catch (Rows.Undo undone) {
      // a dry run or a bad row: nothing stays written
    }
    return rows.report();
  }

  private Optional<Rows.Outcome> apply(
      Actor actor,
      SchoolId school,
      Columns c,
      Parsed p,
      Map<String, Cohort> byName,
      Map<String, LearnerReferences.Known> known,
      Rows rows) {
    Cohort cohort = byName.get(CsvFile.key(p.cohort()));
    if (cohort == null) {
      rows.problem(p.line(), c.name(c.cohort, "cohort"), Reason.UNKNOWN_COHORT, p.cohort());
      return Optional.empty();
    }
    LocalDate joinedOn = p.joinedOn().orElse(cohort.range().first());
    LearnerReferences.Known k = known.get(p.reference());
    boolean created = k == null;
    boolean changed = false;
    LearnerId id;
    if (k == null) {
      Learner learner = learners.register(actor, school, p.givenName(), p.familyName());
      id = learner.id();
      references.insert(id, school, p.reference(), p.email());
      known.put(p.reference(), new LearnerReferences.Known(id, p.email()));
    } else {
      id = k.learner();
      Learner learner = learners.learner(id);
      if (!sameName(learner.givenName(), p.givenName())
          || !sameName(learner.familyName(), p.familyName())) {
        rows.problem(
            p.line(),
            c.name(c.reference, "reference"),
            Reason.REFERENCE_NAME_MISMATCH,
            p.reference());
        return Optional.empty();
      }
      if (!p.email().isEmpty() && !p.email().equalsIgnoreCase(k.email())) {
        references.updateEmail(id, p.email());
        changed = true;
      }
    }
    Optional<Enrolment> enrolment = enrolment(cohort, id);
    if (enrolment.isEmpty()) {
      learners.join(actor, cohort.id(), id, joinedOn);
      changed = true;
    } else if (p.joinedOn().isPresent()) {
      LocalDate first =
          enrolment.get().history().stream()
              .filter(e -> e.kind() == EnrolmentEventKind.JOINED)
              .findFirst()
              .orElseThrow()
              .date();
      if (!first.equals(joinedOn)) {
        rows.problem(
            p.line(),
            c.name(c.joinedOn, "joined_on"),
            Reason.JOINED_ON_ANOTHER_DAY,
            first.toString());
        return Optional.empty();
      }
    }
    if (p.facts().isPresent()) {
      FactsRead f = p.facts().get();
      LocalDate declaredOn = p.declaredOn().orElse(joinedOn);
      if (!f.birthDate().isBefore(declaredOn)) {
        rows.problem(
            p.line(),
            c.name(c.birth, "birth_date"),
            Reason.BAD_BIRTH_DATE,
            f.birthDate().toString());
        return Optional.empty();
      }
      FunderFacts declared =
          new FunderFacts(
              declaredOn, f.sex(), f.birthDate(), f.level(), f.qpv(), f.neet(), f.jobseeker());
      if (!facts.newest(id).filter(declared::equals).isPresent()) {
        funder.declare(actor, cohort.id(), id, declared);
        changed = true;
      }
    }
    return Optional.of(
        created ? Rows.Outcome.CREATED : changed ? Rows.Outcome.UPDATED : Rows.Outcome.UNCHANGED);
  }

  private Optional<Enrolment> enrolment(Cohort cohort, LearnerId learner) {
    try {
      return Optional.of(learners.enrolmentOf(cohort.id(), learner));
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.ENROLMENT_NOT_ENROLLED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean sameName(String stored, String given) {
    return stored.strip().toLowerCase(Locale.ROOT).equals(given.strip().toLowerCase(Locale.ROOT));
  }

  private static Optional<Parsed> parse(Columns c, CsvFile.Row row, Rows rows, Set<String> seen) {
    int line = row.line();
    int before = rows.problems().size();
    String reference = c.value(row, c.reference);
    String given = c.value(row, c.given);
    String family = c.value(row, c.family);
    String email = c.value(row, c.email);
    String cohort = c.value(row, c.cohort);
    required(rows, line, c.name(c.reference, "reference"), reference, MAX_REFERENCE);
    required(rows, line, c.name(c.given, "given_name"), given, 100);
    required(rows, line, c.name(c.family, "family_name"), family, 100);
    required(rows, line, c.name(c.cohort, "cohort"), cohort, 200);
    if (!email.isEmpty() && !Values.email(email)) {
      rows.problem(line, c.name(c.email, "email"), Reason.BAD_EMAIL, email);
    }
    if (!reference.isEmpty() && !seen.add(reference)) {
      rows.problem(line, c.name(c.reference, "reference"), Reason.DUPLICATE_ROW, reference);
    }
    Optional<LocalDate> joinedOn = optionalDate(rows, line, c, c.joinedOn, "joined_on", row);
    Optional<LocalDate> declaredOn = optionalDate(rows, line, c, c.declaredOn, "declared_on", row);
    Optional<FactsRead> facts = facts(c, row, rows);
    if (rows.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Parsed(line, reference, given, family, email, cohort, joinedOn, declaredOn, facts));
  }

  private static Optional<FactsRead> facts(Columns c, CsvFile.Row row, Rows rows) {
    int line = row.line();
    String sexText = c.value(row, c.sex);
    String birthText = c.value(row, c.birth);
    String levelText = c.value(row, c.level);
    String qpvText = c.value(row, c.qpv);
    String neetText = c.value(row, c.neet);
    String jobText = c.value(row, c.jobseeker);
    if (List.of(sexText, birthText, levelText, qpvText, neetText, jobText).stream()
        .allMatch(String::isEmpty)) {
      return Optional.empty();
    }
    int before = rows.problems().size();
    Optional<DeclaredSex> sex = Values.sex(sexText);
    if (sex.isEmpty()) {
      rows.problem(line, c.name(c.sex, "sex"), Reason.BAD_SEX, sexText);
    }
    Optional<LocalDate> birth = Optional.empty();
    Optional<DiplomaLevel> level = Optional.empty();
    if (birthText.isEmpty() || levelText.isEmpty()) {
      rows.problem(
          line,
          birthText.isEmpty() ? c.name(c.birth, "birth_date") : c.name(c.level, "diploma_level"),
          Reason.INCOMPLETE_FUNDER_FACTS,
          "");
    } else {
      birth = Values.date(birthText);
      if (birth.isEmpty()) {
        rows.problem(line, c.name(c.birth, "birth_date"), Reason.BAD_DATE, birthText);
      }
      Optional<Integer> n = Values.number(levelText);
      if (n.isPresent() && n.get() <= 8) {
        level = Optional.of(DiplomaLevel.of(n.get()));
      } else {
        rows.problem(line, c.name(c.level, "diploma_level"), Reason.BAD_DIPLOMA_LEVEL, levelText);
      }
    }
    boolean qpv = yesNo(rows, line, c.name(c.qpv, "qpv"), qpvText);
    boolean neet = yesNo(rows, line, c.name(c.neet, "neet"), neetText);
    boolean job = yesNo(rows, line, c.name(c.jobseeker, "jobseeker"), jobText);
    if (rows.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new FactsRead(sex.orElseThrow(), birth.orElseThrow(), level.orElseThrow(), qpv, neet, job));
  }

  private static boolean yesNo(Rows rows, int line, String column, String text) {
    if (text.isEmpty()) {
      return false;
    }
    Optional<Boolean> b = Values.yesNo(text);
    if (b.isEmpty()) {
      rows.problem(line, column, Reason.BAD_YES_NO, text);
      return false;
    }
    return b.get();
  }

  private static Optional<LocalDate> optionalDate(
      Rows rows, int line, Columns c, Optional<Integer> column, String name, CsvFile.Row row) {
    String text = c.value(row, column);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalDate> date = Values.date(text);
    if (date.isEmpty()) {
      rows.problem(line, c.name(column, name), Reason.BAD_DATE, text);
    }
    return date;
  }

  private static void required(Rows rows, int line, String column, String value, int max) {
    if (value.isEmpty()) {
      rows.problem(line, column, Reason.MISSING_VALUE, "");
    } else if (value.length() > max) {
      rows.problem(line, column, Reason.TOO_LONG, value);
    }
  }
}
