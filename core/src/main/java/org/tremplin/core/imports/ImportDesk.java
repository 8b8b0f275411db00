package org.tremplin.core.imports;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.funder.FunderFactsService;
import org.tremplin.api.imports.ImportReport;
import org.tremplin.api.imports.ImportService;
import org.tremplin.api.insertion.InsertionPathService;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.attendance.AttendanceSheets;
import org.tremplin.core.cohort.CohortRegistry;
import org.tremplin.core.funder.JdbiFunderFacts;
import org.tremplin.core.insertion.Exits;
import org.tremplin.core.internal.Database;
import org.tremplin.core.learner.LearnerRegistry;
import org.tremplin.core.outbox.EventOutbox;
import org.tremplin.core.privacy.PersonalDataSection;

/**
 * The {@link ImportService}: reads a file with commons-csv ({@code CsvFile}), then hands it to the
 * import of its kind. Thread-safe.
 */
public final class ImportDesk implements ImportService {
  private final SchoolService schools;
  private final AccessRules access;
  private final LearnerReferences references;
  private final LearnerImport learnerImport;
  private final AttendanceImport attendanceImport;
  private final ExitImport exitImport;

  /**
   * A desk on the services and stores the imports write through.
   *
   * @param database the unit of work
   * @param jdbi the Jdbi on the migrated database (the references' table)
   * @param schools the schools
   * @param cohorts the cohorts
   * @param learners the learners
   * @param funder the funder facts service (declarations, audited)
   * @param facts the funder facts store (unaudited comparison)
   * @param insertion the insertion path service (exits, audited)
   * @param exits the exits store (unaudited comparison)
   * @param sheets the attendance sheets
   * @param access the access rules
   * @param events the event outbox
   * @param clock the clock read for "today"
   */
  public ImportDesk(
      Database database,
      Jdbi jdbi,
      SchoolService schools,
      CohortRegistry cohorts,
      LearnerRegistry learners,
      FunderFactsService funder,
      JdbiFunderFacts facts,
      InsertionPathService insertion,
      Exits exits,
      AttendanceSheets sheets,
      AccessRules access,
      EventOutbox events,
      Clock clock) {
    this.schools = schools;
    this.access = access;
    this.references = new LearnerReferences(jdbi);
    this.learnerImport = new LearnerImport(database, references, cohorts, learners, funder, facts);
    this.attendanceImport =
        new AttendanceImport(
            database, references, cohorts, learners, sheets, access, events, clock);
    this.exitImport = new ExitImport(database, references, insertion, exits);
  }

  /**
   * The personal-data section of the school's references and e-mail addresses.
   *
   * @return the section (export, and deletion on erasure)
   */
  public static PersonalDataSection referencesSection() {
    return LearnerReferences.section();
  }

  @Override
  public ImportReport importLearners(Actor actor, SchoolId school, byte[] csv, boolean dryRun) {
    checkSchool(actor, Operation.ENROLMENT_WRITE, school, csv);
    return learnerImport.run(actor, school, CsvFile.read(csv), dryRun);
  }

  @Override
  public ImportReport importAttendance(Actor actor, SchoolId school, byte[] csv, boolean dryRun) {
    TremplinException.required(actor, "actor");
    TremplinException.required(school, "school");
    TremplinException.required(csv, "file");
    schools.get(school);
    return attendanceImport.run(actor, school, CsvFile.read(csv), dryRun);
  }

  @Override
  public ImportReport importExits(Actor actor, SchoolId school, byte[] csv, boolean dryRun) {
    TremplinException.required(actor, "actor");
    TremplinException.required(school, "school");
    TremplinException.required(csv, "file");
    schools.get(school);
    return exitImport.run(actor, school, CsvFile.read(csv), dryRun);
  }

  @Override
  public Optional<LearnerId> learnerByReference(Actor actor, SchoolId school, String reference) {
    TremplinException.required(school, "school");
    TremplinException.required(reference, "reference");
    access.check(actor, Operation.COHORT_READ, new Target.OfSchool(school));
    return references.find(school, reference.strip());
  }

  private void checkSchool(Actor actor, Operation operation, SchoolId school, byte[] csv) {
    TremplinException.required(school, "school");
    TremplinException.required(csv, "file");
    access.check(actor, operation, new Target.OfSchool(school));
    schools.get(school);
  }
}
