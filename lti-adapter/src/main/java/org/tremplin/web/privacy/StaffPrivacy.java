package org.tremplin.web.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.token.ApiToken;
import org.tremplin.api.token.ApiTokenId;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.core.privacy.PersonalDataSection;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;

/**
 * A staff person's data (a trainer, coach or manager who is not a learner): the tool's own tables
 * hold their name as their platform sent it, their LMS accounts, their places on course rosters
 * (with e-mails), their app sessions, the schools that know them as a coach, and the API tokens
 * that act as them. An operator finds them by name or e-mail, exports all of it as one JSON
 * document, and erases it (ADR 0026). Their person id stays in audit trails and {@code recorded_by}
 * columns: accountability, and once the names and accounts are gone, a pseudonym that names nobody.
 * Each export and erasure is recorded ({@code tremplin_web_staff_request}). Only a network
 * administrator may ask. Needs the web pages' and the LTI adapter's tables ({@code WebSchema},
 * {@code LtiSchema}). Thread-safe.
 */
public final class StaffPrivacy {
  private static final int MAX_FOUND = 50;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The LMS accounts of the person (the rows other tables are found by). */
  private static final String ACCOUNTS =
      "select 1 from tremplin_lti_person a where a.person_id = :person"
          + " and a.issuer = r.issuer and a.client_id = r.client_id and a.sub = r.sub";

  private final Tremplin tremplin;
  private final UnitOfWork database;
  private final Clock clock;

  /**
   * Over the engine's database, its tables installed.
   *
   * @param tremplin the engine (its database, its API tokens, its referents)
   * @param clock the clock of the requests' times
   */
  public StaffPrivacy(Tremplin tremplin, Clock clock) {
    this.tremplin = Objects.requireNonNull(tremplin, "tremplin");
    this.database = tremplin.transactions();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The staff persons whose name or roster e-mail contains this text (case-insensitive), or whose
   * person id it is; learners never (their data goes with their file). At most 50, by name.
   *
   * @param operator who asks: a network administrator
   * @param text a part of a name or an e-mail, or a person id
   * @return the persons found, empty when none
   */
  public List<StaffMember> find(Actor operator, String text) {
    checkOperator(operator);
    String needle = TremplinException.requiredText(text, "text").strip();
    String pattern = "%" + escapeLike(needle.toLowerCase(Locale.ROOT)) + "%";
    return database.read(
        h -> {
          // the first 50 by name, then three small reads for each of them only
          List<String> persons =
              h.createQuery(
                      "select f.person_id, coalesce(n.display_name, '') as name from ("
                          + " select p.person_id from tremplin_lti_person p"
                          + " left join tremplin_web_person w on w.person_id = p.person_id"
                          + " left join tremplin_lti_roster_member r on r.issuer = p.issuer"
                          + " and r.client_id = p.client_id and r.sub = p.sub"
                          + " where p.person_id = :text or lower(w.display_name) like :pattern"
                          + " escape '!' or r.email_key like :pattern escape '!'"
                          + " union"
                          + " select w.person_id from tremplin_web_person w"
                          + " where w.person_id = :text or lower(w.display_name) like :pattern"
                          + " escape '!') f"
                          + " left join tremplin_web_person n on n.person_id = f.person_id"
                          + " where not exists (select 1 from tremplin_lti_person l"
                          + " where l.person_id = f.person_id and l.learner_id is not null)"
                          + " order by name, f.person_id limit :max")
                  .bind("text", needle)
                  .bind("pattern", pattern)
                  .bind("max", MAX_FOUND)
                  .map((rs, ctx) -> rs.getString("person_id"))
                  .list();
          List<StaffMember> found = new ArrayList<>();
          for (String person : persons) {
            found.add(member(h, person));
          }
          return found;
        });
  }

  /**
   * Everything the tool holds about the staff person, as one JSON document; recorded.
   *
   * @param operator who asks: a network administrator
   * @param personId the person id (from {@link #find})
   * @return the export
   * @throws LtiException {@code LTI_PERSON_NOT_FOUND}, {@code LTI_PERSON_IS_LEARNER}
   */
  public String export(Actor operator, String personId) {
    checkOperator(operator);
    String person = TremplinException.requiredText(personId, "personId").strip();
    List<ApiToken> tokens = tokensOf(operator, person);
    List<UUID> followed = referentOf(operator, person);
    Map<String, Object> document =
        database.inTransaction(
            h -> {
              checkStaff(h, person, tokens);
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("personId", person);
              out.put("name", name(h, person));
              out.put(
                  "lmsAccounts",
                  rows(
                      h,
                      "select issuer, client_id, sub, created_at from tremplin_lti_person"
                          + " where person_id = :person order by issuer, client_id, sub",
                      person));
              out.put(
                  "rosterPlaces",
                  rows(
                      h,
                      "select r.issuer, r.client_id, r.deployment_id, r.context_id, r.sub, r.roles,"
                          + " r.status, r.email, r.sourcedid, r.first_seen_at, r.last_seen_at"
                          + " from tremplin_lti_roster_member r where exists ("
                          + ACCOUNTS
                          + ") order by r.issuer, r.context_id",
                      person));
              out.put(
                  "sessions",
                  rows(
                      h,
                      "select display_name, locale, created_at, expires_at from"
                          + " tremplin_lti_session where person_id = :person order by created_at",
                      person));
              out.put(
                  "coachOf",
                  rows(
                      h,
                      "select school_id, seen_at from tremplin_web_school_coach"
                          + " where person_id = :person order by school_id",
                      person));
              out.put("referentOf", followed.stream().map(Object::toString).toList());
              out.put("apiTokens", tokens.stream().map(StaffPrivacy::token).toList());
              out.put(
                  "auditLinesAsActor",
                  rows(
                      h,
                      "select action, what, count(*) as lines from tremplin_audit"
                          + " where actor_id = :person group by action, what order by action, what",
                      person));
              out.put(
                  "requests",
                  rows(
                      h,
                      "select kind, requested_at, requested_by from tremplin_web_staff_request"
                          + " where person_id = :person order by id",
                      person));
              record(h, person, "EXPORT", operator);
              return out;
            });
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }

  /**
   * Erases the staff person: their name, LMS accounts (their next launch starts a new person),
   * roster places, sessions (signed out at once), pending deep links and form submissions, the
   * schools that know them as a coach; and revokes the API tokens that act as them. Refused while
   * they are the referent coach of a learner. Irreversible; recorded.
   *
   * @param operator who asks: a network administrator
   * @param personId the person id (from {@link #find})
   * @return what was removed
   * @throws LtiException {@code LTI_PERSON_NOT_FOUND}, {@code LTI_PERSON_IS_LEARNER}, {@code
   *     LTI_PERSON_IS_REFERENT}
   */
  public StaffErasure erase(Actor operator, String personId) {
    checkOperator(operator);
    String person = TremplinException.requiredText(personId, "personId").strip();
    List<ApiToken> tokens = tokensOf(operator, person);
    database.read(
        h -> {
          checkStaff(h, person, tokens);
          return null;
        });
    int followed = referentOf(operator, person).size();
    if (followed > 0) {
      throw new LtiException(
          LtiErrorCode.LTI_PERSON_IS_REFERENT,
          "person "
              + person
              + " is the referent coach of "
              + followed
              + " learner(s): assign them another coach first");
    }
    // the tokens first, each revocation its own transaction (core's); a failure below leaves them
    // revoked, and the erasure can be asked again
    List<ApiTokenId> revoked = new ArrayList<>();
    for (ApiToken t : tokens) {
      if (t.revokedAt() == null) {
        tremplin.tokens().revoke(operator, t.id());
        revoked.add(t.id());
      }
    }
    Instant at = clock.instant();
    Map<String, Integer> deleted =
        database.inTransaction(
            h -> {
              Map<String, Integer> out = new LinkedHashMap<>();
              out.put("name", delete(h, "delete from tremplin_web_person", person));
              out.put(
                  "rosterPlaces",
                  h.createUpdate(
                          "delete from tremplin_lti_roster_member r where r.learner_id is null"
                              + " and exists ("
                              + ACCOUNTS
                              + ")")
                      .bind("person", person)
                      .execute());
              out.put("sessions", delete(h, "delete from tremplin_lti_session", person));
              out.put(
                  "deepLinkingRequests",
                  delete(h, "delete from tremplin_lti_deep_linking", person));
              out.put("formSubmissions", delete(h, "delete from tremplin_web_submission", person));
              out.put("coachOf", delete(h, "delete from tremplin_web_school_coach", person));
              out.put("lmsAccounts", delete(h, "delete from tremplin_lti_person", person));
              record(h, person, "ERASURE", operator);
              return out;
            });
    return new StaffErasure(person, deleted, revoked, at);
  }

  private static int delete(Handle h, String delete, String person) {
    return h.createUpdate(delete + " where person_id = :person").bind("person", person).execute();
  }

  private void record(Handle h, String person, String kind, Actor operator) {
    h.createUpdate(
            "insert into tremplin_web_staff_request (person_id, kind, requested_at, requested_by)"
                + " values (:person, :kind, :at, :by)")
        .bind("person", person)
        .bind("kind", kind)
        .bind("at", UnitOfWork.timestamp(clock.instant()))
        .bind("by", operator.id())
        .execute();
  }

  /** Refuses a person the tool does not know, and a learner's person. */
  private static void checkStaff(Handle h, String person, List<ApiToken> tokens) {
    boolean learner =
        h.createQuery(
                    "select count(*) from tremplin_lti_person where person_id = :person"
                        + " and learner_id is not null")
                .bind("person", person)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (learner) {
      throw new LtiException(
          LtiErrorCode.LTI_PERSON_IS_LEARNER,
          "person " + person + " is a learner: export or erase the learner's file instead");
    }
    int known =
        h.createQuery(
                "select (select count(*) from tremplin_lti_person where person_id = :person)"
                    + " + (select count(*) from tremplin_web_person where person_id = :person)"
                    + " + (select count(*) from tremplin_web_school_coach where person_id = :person)"
                    + " + (select count(*) from tremplin_lti_session where person_id = :person)")
            .bind("person", person)
            .mapTo(Integer.class)
            .one();
    if (known == 0 && tokens.isEmpty()) {
      throw new LtiException(LtiErrorCode.LTI_PERSON_NOT_FOUND, "no staff person " + person);
    }
  }

  private List<ApiToken> tokensOf(Actor operator, String person) {
    return tremplin.tokens().list(operator, new Scope.Network()).stream()
        .filter(t -> t.person().equals(person))
        .toList();
  }

  /**
   * The learners the person follows now: the operator reads the caseload as a network manager, the
   * grant core asks for it (as the command line's learner requests do).
   */
  private List<UUID> referentOf(Actor operator, String person) {
    Actor manager = Actor.of(operator.id(), Role.MANAGER, new Scope.Network());
    return tremplin.referents().caseload(manager, person).stream().map(l -> l.value()).toList();
  }

  private StaffMember member(Handle h, String person) {
    List<String> emails =
        h.createQuery(
                "select distinct r.email from tremplin_lti_roster_member r where r.email is not"
                    + " null and exists ("
                    + ACCOUNTS
                    + ") order by r.email")
            .bind("person", person)
            .mapTo(String.class)
            .list();
    List<SchoolId> schools =
        h.createQuery(
                "select school_id from tremplin_web_school_coach where person_id = :person"
                    + " order by school_id")
            .bind("person", person)
            .map((rs, ctx) -> new SchoolId(rs.getObject(1, UUID.class)))
            .list();
    return new StaffMember(person, name(h, person), emails, schools);
  }

  private static String name(Handle h, String person) {
    return h.createQuery("select display_name from tremplin_web_person where person_id = :person")
        .bind("person", person)
        .mapTo(String.class)
        .findOne()
        .orElse("");
  }

  private static List<Map<String, Object>> rows(Handle h, String select, String person) {
    return h.createQuery(select).bind("person", person).mapToMap().list().stream()
        .map(PersonalDataSection::plain)
        .toList();
  }

  private static Map<String, Object> token(ApiToken t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id().toString());
    out.put("role", t.grant().role().name());
    out.put("label", t.label());
    out.put("createdAt", t.createdAt().toString());
    out.put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
    out.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
    return out;
  }

  private static void checkOperator(Actor operator) {
    Objects.requireNonNull(operator, "operator");
    for (Grant g : operator.grants()) {
      if (g.role() == Role.ADMIN && g.scope() instanceof Scope.Network) {
        return;
      }
    }
    throw new TremplinException(
        ErrorCode.ACCESS_DENIED,
        "actor "
            + operator.id()
            + " may not read or erase staff data: network administrators only");
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
