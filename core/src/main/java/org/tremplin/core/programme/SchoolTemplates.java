package org.tremplin.core.programme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.SchoolService;
import org.tremplin.core.internal.Database;

/**
 * The programme templates a school works with: the network's (the bundled "École du Web" and any
 * imported network-wide) and its own, which its administrators import from a JSON document or copy
 * from another to adapt. A template id belongs to the school that first imported it; a school
 * imports a new version of its own ids only, never of the network's or another school's. Imports
 * are validated completely first: a refused document is answered with every problem found, each
 * located ({@link TemplateProblem}), and nothing is stored. Needs {@code PROGRAMME_WRITE} on the
 * school (its administrator, or a network administrator), else {@code ACCESS_DENIED}. Thread-safe.
 */
public final class SchoolTemplates {
  private final Database database;
  private final TemplateLibrary library;
  private final TemplateValidator validator;
  private final SchoolService schools;
  private final AccessRules access;
  private final Clock clock;

  /**
   * Over the library that stores the versions.
   *
   * @param database the database (unit of work)
   * @param library the template library
   * @param validator the rules of a template
   * @param schools the schools
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   */
  public SchoolTemplates(
      Database database,
      TemplateLibrary library,
      TemplateValidator validator,
      SchoolService schools,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.library = library;
    this.validator = validator;
    this.schools = schools;
    this.access = access;
    this.clock = clock;
  }

  /**
   * A template a school may use: its newest version.
   *
   * @param template the newest version
   * @param ofSchool whether it is the school's own (else the network's)
   */
  public record Listed(ProgrammeTemplate template, boolean ofSchool) {}

  /** What an import or a copy led to. */
  public sealed interface Outcome {
    /**
     * Stored as this version.
     *
     * @param template the stored version
     */
    record Imported(ProgrammeTemplate template) implements Outcome {}

    /**
     * Refused: nothing is stored.
     *
     * @param problems every problem found, in document order
     */
    record Refused(List<TemplateProblem> problems) implements Outcome {
      /**
       * Copies the problems.
       *
       * @param problems the problems
       */
      public Refused {
        problems = List.copyOf(problems);
      }
    }
  }

  /**
   * The network's templates, then the school's own, each at its newest version, by id.
   *
   * @param actor who asks
   * @param school the school
   * @return the templates the school may use
   */
  public List<Listed> of(Actor actor, SchoolId school) {
    check(actor, school);
    Map<String, Integer> latest = new LinkedHashMap<>();
    for (TemplateRef ref : library.list()) {
      latest.merge(ref.id(), ref.version(), Math::max);
    }
    Map<String, SchoolId> owners = owners();
    List<Listed> network = new ArrayList<>();
    List<Listed> own = new ArrayList<>();
    for (Map.Entry<String, Integer> e : latest.entrySet()) {
      SchoolId owner = owners.get(e.getKey());
      if (owner != null && !owner.equals(school)) {
        continue;
      }
      ProgrammeTemplate t = library.get(new TemplateRef(e.getKey(), e.getValue()));
      (owner == null ? network : own).add(new Listed(t, owner != null));
    }
    network.addAll(own);
    return network;
  }

  /**
   * A template the school may use, as a JSON document its import accepts.
   *
   * @param actor who asks
   * @param school the school
   * @param ref the version
   * @return the document
   * @throws TremplinException {@code TEMPLATE_NOT_FOUND} when there is no such version the school
   *     may see
   */
  public String export(Actor actor, SchoolId school, TemplateRef ref) {
    return TemplateCodec.write(visible(actor, school, ref));
  }

  /**
   * Every problem of a template document, located; empty when the document would be accepted as a
   * template (whose id may still be taken: see {@link #importFor}).
   *
   * @param json the document
   * @return the problems, in document order
   */
  public List<TemplateProblem> problems(String json) {
    Optional<TemplateProblem> unreadable = TemplateCodec.readProblem(json);
    if (unreadable.isPresent()) {
      return List.of(unreadable.get());
    }
    ProgrammeTemplate t = TemplateCodec.read(json);
    try {
      return validator.problems(t);
    } catch (TremplinException e) {
      return List.of(
          TemplateProblem.of(
              ErrorCode.TEMPLATE_MALFORMED,
              "value",
              "certification",
              "template certification: " + e.getMessage(),
              e.getMessage()));
    }
  }

  /**
   * Validates a document and stores it as the next version of a template of the school: a new id
   * becomes the school's; an id of the network or of another school is refused ({@code idTaken}).
   *
   * @param actor who imports
   * @param school the school
   * @param json the document
   * @return imported, or refused with every problem (nothing stored)
   */
  public Outcome importFor(Actor actor, SchoolId school, String json) {
    check(actor, school);
    schools.get(school);
    List<TemplateProblem> problems = new ArrayList<>(problems(json));
    if (!problems.isEmpty()) {
      return new Outcome.Refused(problems);
    }
    String id = TemplateCodec.read(json).ref().id();
    return database.inTransaction(
        h -> {
          Optional<SchoolId> owner = owner(h, id);
          boolean known =
              h.createQuery(
                          "select count(*) from tremplin_programme_template where template_id = :id")
                      .bind("id", id)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
          if (owner.isPresent() ? !owner.get().equals(school) : known) {
            return new Outcome.Refused(
                List.of(
                    TemplateProblem.of(
                        ErrorCode.TEMPLATE_INVALID,
                        "idTaken",
                        "id",
                        "template id " + id + " is not the school's: choose another id",
                        id)));
          }
          if (owner.isEmpty()) {
            h.createUpdate(
                    "insert into tremplin_school_template"
                        + " (template_id, school_id, created_by, created_at)"
                        + " values (:id, :school, :by, :at)")
                .bind("id", id)
                .bind("school", school.value())
                .bind("by", actor.id())
                .bind("at", Database.timestamp(clock.instant()))
                .execute();
          }
          return new Outcome.Imported(library.store(json));
        });
  }

  /**
   * Copies a template the school may use under a new id and name, as a template of the school to
   * adapt (version 1 of the new id).
   *
   * @param actor who copies
   * @param school the school
   * @param from the version copied
   * @param id the new id
   * @param name the new name
   * @return imported, or refused (the id is invalid or taken)
   */
  public Outcome copy(
      Actor actor, SchoolId school, TemplateRef from, String id, LocalizedText name) {
    ProgrammeTemplate source = visible(actor, school, from);
    if (!TemplateValidator.validId(id)) {
      return new Outcome.Refused(
          List.of(
              TemplateProblem.of(
                  ErrorCode.TEMPLATE_INVALID,
                  "id",
                  "id",
                  "id '" + id + "' must be lower-case letters, digits and dashes (max 64)",
                  id)));
    }
    ProgrammeTemplate copy =
        new ProgrammeTemplate(
            new TemplateRef(id, 1),
            name,
            source.certification(),
            source.placementHours(),
            source.phases());
    String json = TemplateCodec.write(copy);
    return importFor(actor, school, json);
  }

  private ProgrammeTemplate visible(Actor actor, SchoolId school, TemplateRef ref) {
    check(actor, school);
    Optional<SchoolId> owner = database.read(h -> owner(h, ref.id()));
    if (owner.isPresent() && !owner.get().equals(school)) {
      throw new TremplinException(ErrorCode.TEMPLATE_NOT_FOUND, "no programme template " + ref);
    }
    return library.get(ref);
  }

  private void check(Actor actor, SchoolId school) {
    TremplinException.required(actor, "actor");
    TremplinException.required(school, "school");
    access.check(actor, Operation.PROGRAMME_WRITE, new Target.OfSchool(school));
  }

  private static Optional<SchoolId> owner(Handle h, String id) {
    return h.createQuery("select school_id from tremplin_school_template where template_id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new SchoolId(rs.getObject(1, UUID.class)))
        .findOne();
  }

  private Map<String, SchoolId> owners() {
    return database.read(
        h ->
            h.createQuery("select template_id, school_id from tremplin_school_template")
                .reduceRows(
                    new LinkedHashMap<String, SchoolId>(),
                    (map, row) -> {
                      map.put(
                          row.getColumn("template_id", String.class),
                          new SchoolId(row.getColumn("school_id", UUID.class)));
                      return map;
                    }));
  }
}
