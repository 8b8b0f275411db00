package org.tremplin.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.api.privacy.ErasureReport;
import org.tremplin.api.privacy.PrivacyService;
import org.tremplin.api.privacy.RetentionPolicy;
import org.tremplin.api.privacy.RetentionReport;
import org.tremplin.core.internal.Database;
import org.tremplin.core.internal.Json;
import org.tremplin.core.learner.LearnerRegistry;

/**
 * The audit trail and the privacy requests. Other core services call {@link #audit} for every read
 * or change of a learner's insertion or coaching data, inside their own read or transaction.
 * Thread-safe.
 */
public final class PrivacyOffice implements PrivacyService {
  private final Database database;
  private final AuditLog log;
  private final LearnerRegistry learners;
  private final AccessRules access;
  private final Clock clock;

  /** Marker left in place of erased free text where a text is required. */
  public static final String ERASED = "[effacé]";

  private final List<PersonalDataSection> sections = new CopyOnWriteArrayList<>();

  /**
   * An office on its log, with the sections of the foundation's data.
   *
   * @param database the database (unit of work)
   * @param log the log
   * @param learners the learners
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   */
  public PrivacyOffice(
      Database database, AuditLog log, LearnerRegistry learners, AccessRules access, Clock clock) {
    this.database = database;
    this.log = log;
    this.learners = learners;
    this.access = access;
    this.clock = clock;
    sections.add(
        PersonalDataSection.sql(
            "enrolment",
            "select cohort_id, seq, kind, event_date, reason, recorded_by, recorded_at"
                + " from tremplin_enrolment_event where learner_id = :learner"
                + " order by cohort_id, seq",
            "update tremplin_enrolment_event set reason = '"
                + ERASED
                + "' where learner_id = :learner and reason <> ''"));
    sections.add(
        PersonalDataSection.sql(
            "attendance",
            "select cohort_id, half_day_date, part, version, mark, late_minutes, recorded_by,"
                + " recorded_at, reason from tremplin_attendance where learner_id = :learner"
                + " order by cohort_id, half_day_date, part, version",
            "update tremplin_attendance set reason = '"
                + ERASED
                + "' where learner_id = :learner and version > 1"));
    sections.add(
        PersonalDataSection.sql(
            "evidence",
            "select cohort_id, competency, criterion, source, result, assessor, assessed_on,"
                + " comment, recorded_at from tremplin_evidence where learner_id = :learner"
                + " order by assessed_on, seq",
            "update tremplin_evidence set comment = '' where learner_id = :learner"
                + " and comment <> ''"));
    sections.add(
        PersonalDataSection.sql(
            "milestones",
            "select cohort_id, block_code, kind, completed_on, recorded_by from"
                + " tremplin_block_milestone where learner_id = :learner order by block_code, kind"));
    sections.add(
        PersonalDataSection.sql(
            "referents",
            "select seq, coach_id, since, assigned_by, assigned_at from tremplin_referent"
                + " where learner_id = :learner order by seq"));
    sections.add(
        PersonalDataSection.sql(
            "alerts",
            "select cohort_id, kind, evidence, raised_on, status, changed_by, changed_at"
                + " from tremplin_alert where learner_id = :learner order by raised_on"));
    sections.add(
        PersonalDataSection.sql(
            "audit",
            "select at, actor_id, action, what from tremplin_audit where learner_id = :learner"
                + " order by id"));
  }

  private final List<PersonalDataSection> coachingNotes = new CopyOnWriteArrayList<>();

  /**
   * Adds the section of another feature (coaching, insertion, a module's...) to exports and
   * erasures; a section with the name of one added before replaces it in place.
   *
   * @param section the personal-data section
   */
  public synchronized void addSection(PersonalDataSection section) {
    TremplinException.required(section, "section");
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i).name().equals(section.name())) {
        sections.set(i, section);
        return;
      }
    }
    sections.add(section);
  }

  /**
   * Adds a section that also holds coaching notes, purged by the retention rule.
   *
   * @param section the personal-data section
   */
  public void addCoachingNotesSection(PersonalDataSection section) {
    addSection(section);
    coachingNotes.add(section);
  }

  @Override
  public RetentionPolicy defaultRetention() {
    return Json.resource(PrivacyOffice.class, "retention.json", RetentionDoc.class).policy();
  }

  @Override
  public RetentionReport applyRetention(
      Actor actor, SchoolId school, LocalDate on, RetentionPolicy policy) {
    TremplinException.required(school, "school");
    TremplinException.required(on, "on");
    TremplinException.required(policy, "policy");
    access.check(actor, Operation.PERSONAL_DATA_ADMIN, new Target.OfSchool(school));
    LocalDate cutoff = on.minusYears(policy.coachingNotesYearsAfterExit());
    Instant at = clock.instant();
    return database.inTransaction(
        h -> {
          List<LearnerId> due =
              h.createQuery(
                      "select distinct e.learner_id from tremplin_exit e"
                          + " join tremplin_learner l on l.id = e.learner_id"
                          + " where l.school_id = :school and e.left_on <= :cutoff"
                          + " and not exists (select 1 from tremplin_exit x"
                          + " where x.cohort_id = e.cohort_id and x.learner_id = e.learner_id"
                          + " and x.version > e.version)"
                          + " and not exists (select 1 from tremplin_retention_purge p"
                          + " where p.learner_id = e.learner_id and p.kind = 'COACHING_NOTES')")
                  .bind("school", school.value())
                  .bind("cutoff", cutoff)
                  .map((rs, ctx) -> new LearnerId(rs.getObject(1, java.util.UUID.class)))
                  .list();
          int changed = 0;
          for (LearnerId learner : due) {
            for (PersonalDataSection s : coachingNotes) {
              changed += s.erase(h, learner);
            }
            h.createUpdate(
                    "insert into tremplin_retention_purge (learner_id, kind, purged_at, purged_by)"
                        + " values (:learner, 'COACHING_NOTES', :at, :by)")
                .bind("learner", learner.value())
                .bind("at", Database.timestamp(at))
                .bind("by", actor.id())
                .execute();
            audit(actor, AuditAction.ERASE, learner, "retention.coaching-notes");
          }
          return new RetentionReport(on, due, changed);
        });
  }

  record RetentionDoc(String description, int coachingNotesYearsAfterExit) {
    RetentionPolicy policy() {
      return new RetentionPolicy(coachingNotesYearsAfterExit);
    }
  }

  /**
   * Records that an actor read or changed a kind of data of a learner. Call it inside the read or
   * transaction that touches the data, after the access check.
   *
   * @param actor who calls, checked against the access rules
   * @param action the action
   * @param learner the learner
   * @param what the what
   */
  public void audit(Actor actor, AuditAction action, LearnerId learner, String what) {
    log.append(new AuditEntry(clock.instant(), actor.id(), action, learner, what));
  }

  /**
   * Records, in one statement, that an actor read these kinds of data of each of these learners
   * (one line per learner and kind, as {@link #audit} would). Call it inside the read that touches
   * the data, after the access checks.
   *
   * @param actor who calls, checked against the access rules
   * @param learners the learners, in order
   * @param whats the kinds of data read of each
   */
  public void auditReads(Actor actor, List<LearnerId> learners, List<String> whats) {
    Instant at = clock.instant();
    List<AuditEntry> entries = new ArrayList<>();
    for (LearnerId learner : learners) {
      for (String what : whats) {
        entries.add(new AuditEntry(at, actor.id(), AuditAction.READ, learner, what));
      }
    }
    log.appendAll(entries);
  }

  @Override
  public String export(Actor actor, LearnerId learner) {
    Learner l = checkAdmin(actor, learner);
    Map<String, Object> document = new LinkedHashMap<>();
    return database.inTransaction(
        h -> {
          audit(actor, AuditAction.EXPORT, learner, "privacy.export");
          document.put(
              "learner",
              Map.of(
                  "id", l.id().toString(),
                  "school", l.school().toString(),
                  "givenName", l.givenName(),
                  "familyName", l.familyName()));
          for (PersonalDataSection s : sections) {
            document.put(s.name(), s.export(h, learner));
          }
          try {
            return Json.mapper().writeValueAsString(document);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export", e);
          }
        });
  }

  @Override
  public ErasureReport erase(Actor actor, LearnerId learner) {
    checkAdmin(actor, learner);
    Instant at = clock.instant();
    return database.inTransaction(
        h -> {
          Map<String, Integer> changed = new LinkedHashMap<>();
          changed.put(
              "learner",
              h.createUpdate(
                      "update tremplin_learner set given_name = :erased, family_name = :erased,"
                          + " erased_at = :at where id = :learner")
                  .bind("erased", ERASED)
                  .bind("at", Database.timestamp(at))
                  .bind("learner", learner.value())
                  .execute());
          for (PersonalDataSection s : sections) {
            changed.put(s.name(), s.erase(h, learner));
          }
          audit(actor, AuditAction.ERASE, learner, "privacy.erasure");
          return new ErasureReport(learner, changed, at);
        });
  }

  private Learner checkAdmin(Actor actor, LearnerId learner) {
    Learner l = learners.learner(learner);
    access.check(actor, Operation.PERSONAL_DATA_ADMIN, new Target.OfSchool(l.school()));
    return l;
  }

  @Override
  public List<AuditEntry> auditTrail(Actor actor, LearnerId learner) {
    Learner l = learners.learner(learner);
    access.check(actor, Operation.PERSONAL_DATA_ADMIN, new Target.OfSchool(l.school()));
    return database.inTransaction(
        h -> {
          audit(actor, AuditAction.READ, learner, "privacy.audit-trail");
          return log.byLearner(learner);
        });
  }
}
