package org.tremplin.web.form;

import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.ModuleSchema;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.core.privacy.PersonalDataSection;

/**
 * The web pages' own tables (ADR 0005, ADR 0010), with their own Flyway history ({@code
 * tremplin_web_schema_history}, scripts in {@code org/tremplin/web/form/migration}), so their
 * versions never collide with core's or the LTI protocol's: the submission ids of {@link
 * FormGuard#once}, the names of persons, the coaches each school knows; their personal data is in
 * every learner's export and erasure. Stateless; {@link #install} is idempotent.
 */
public final class WebSchema {
  /** The web pages' migrations, applied after core's with their own history table. */
  public static final ModuleSchema SCHEMA =
      ModuleSchema.of("classpath:org/tremplin/web/form/migration", "tremplin_web_schema_history");

  private WebSchema() {}

  /**
   * Migrates the web pages' tables on the engine's database; returns its unit of work.
   *
   * @param tremplin the engine
   * @return its unit of work
   */
  public static UnitOfWork install(Tremplin tremplin) {
    UnitOfWork work = tremplin.transactions();
    work.migrate(SCHEMA);
    tremplin.addPersonalDataSection(personNames());
    tremplin.addPersonalDataSection(schoolCoaches());
    return work;
  }

  /** The persons of a learner: those of their LMS accounts (the LTI adapter's link). */
  private static final String OF_LEARNER =
      " where person_id in (select person_id from tremplin_lti_person where learner_id = :learner)";

  /**
   * The name each of the learner's persons had at the platform when they last wrote through a form
   * or opened Tremplin as a coach: exported, and deleted on erasure. Must be added before the LTI
   * adapter's {@code lmsAccounts} section, which removes the link it finds the persons by.
   *
   * @return the section
   */
  public static PersonalDataSection personNames() {
    return PersonalDataSection.sql(
        "webPersonNames",
        "select person_id, display_name, updated_at from tremplin_web_person"
            + OF_LEARNER
            + " order by person_id",
        "delete from tremplin_web_person" + OF_LEARNER);
  }

  /**
   * The schools where one of the learner's persons opened Tremplin with a coach grant (the referent
   * form's known coaches): exported, and deleted on erasure. Same order as {@link #personNames()}.
   *
   * @return the section
   */
  public static PersonalDataSection schoolCoaches() {
    return PersonalDataSection.sql(
        "webSchoolCoaches",
        "select school_id, person_id, seen_at from tremplin_web_school_coach"
            + OF_LEARNER
            + " order by school_id, person_id",
        "delete from tremplin_web_school_coach" + OF_LEARNER);
  }
}
