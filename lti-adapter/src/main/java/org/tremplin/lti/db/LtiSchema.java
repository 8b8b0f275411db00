package org.tremplin.lti.db;

import java.util.Map;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.ModuleSchema;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.core.privacy.PersonalDataSection;

/**
 * Installs the adapter's tables on a {@link Tremplin}'s database (ADR 0005): migrates them after
 * core's, then adds the LTI personal data (open app sessions, LMS accounts) to every learner's
 * export and erasure. Before ADR 0005 core created these tables as its own V9–V12; on such a
 * database the adapter's history starts at the matching version instead of creating them again.
 * Stateless; {@link #install} is idempotent.
 */
public final class LtiSchema {
  /** The adapter's migrations, applied after core's with their own history table. */
  public static final ModuleSchema SCHEMA =
      new ModuleSchema(
          "classpath:org/tremplin/lti/db/migration",
          "tremplin_lti_schema_history",
          Map.of("9", "1", "10", "2", "11", "3", "12", "4"));

  private LtiSchema() {}

  /**
   * Migrates the adapter's tables and registers its personal-data sections.
   *
   * @param tremplin the engine
   * @return core's unit of work, for the adapter's stores
   */
  public static UnitOfWork install(Tremplin tremplin) {
    UnitOfWork work = tremplin.transactions();
    work.migrate(SCHEMA);
    tremplin.addPersonalDataSection(lmsSessions()); // before the accounts it finds them by
    tremplin.addPersonalDataSection(lmsRoster());
    tremplin.addPersonalDataSection(lmsScores());
    tremplin.addPersonalDataSection(lmsAccounts());
    return work;
  }

  /**
   * The learner's open app sessions (from LTI launches: name shown, language, times; never the
   * token's hash): exported, and deleted on erasure so that no session opened before it keeps the
   * name or the access alive. Must run before {@link #lmsAccounts()}, which removes the link.
   *
   * @return the learner's open app sessions (from LTI launches: name shown, language, times; never
   *     the token's hash): exported, and deleted on erasure so that no session opened before it
   *     keeps the name or the access alive
   */
  public static PersonalDataSection lmsSessions() {
    String ofLearner =
        " where person_id in (select person_id from tremplin_lti_person where learner_id ="
            + " :learner)";
    return PersonalDataSection.sql(
        "lmsSessions",
        "select display_name, locale, created_at, expires_at from tremplin_lti_session"
            + ofLearner
            + " order by created_at",
        "delete from tremplin_lti_session" + ofLearner);
  }

  /**
   * The learner's places on LMS course rosters as read by the roster sync (course, platform user
   * id, roles, status, and the e-mail and {@code lis_person_sourcedid} when the platform shared
   * them): exported, and deleted on erasure.
   */
  public static PersonalDataSection lmsRoster() {
    return PersonalDataSection.sql(
        "lmsRoster",
        "select issuer, client_id, deployment_id, context_id, sub, roles, status, email, sourcedid,"
            + " first_seen_at, last_seen_at from tremplin_lti_roster_member"
            + " where learner_id = :learner order by issuer, client_id, context_id, sub",
        "delete from tremplin_lti_roster_member where learner_id = :learner");
  }

  /**
   * The learner's LMS accounts (issuer, client id, {@code sub}) linked by the LTI adapter:
   * exported, and deleted on erasure (the platform's user id is personal data; the person id left
   * in audit trails is a random UUID).
   *
   * @return the learner's LMS accounts (issuer, client id, {@code sub}) linked by the LTI adapter:
   *     exported, and deleted on erasure (the platform's user id is personal data; the person id
   *     left in audit trails is a random UUID)
   */
  public static PersonalDataSection lmsAccounts() {
    return PersonalDataSection.sql(
        "lmsAccounts",
        "select issuer, client_id, sub, created_at from tremplin_lti_person"
            + " where learner_id = :learner order by issuer, client_id, sub",
        "delete from tremplin_lti_person where learner_id = :learner");
  }

  /**
   * The scores sent (or waiting to be sent) to the LMS gradebook for the learner, with the platform
   * user id they were sent for: exported, and deleted on erasure (a waiting score is then never
   * sent).
   */
  public static PersonalDataSection lmsScores() {
    return PersonalDataSection.sql(
        "lmsScores",
        "select competency, user_sub, score_given, score_maximum, state, occurred_at, updated_at"
            + " from tremplin_lti_score where learner_id = :learner order by occurred_at, seq",
        "delete from tremplin_lti_score where learner_id = :learner");
  }
}
