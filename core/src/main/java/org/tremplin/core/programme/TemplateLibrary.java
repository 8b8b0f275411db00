package org.tremplin.core.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Target;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.ProgrammeTemplateService;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.internal.Database;

/**
 * The programme templates of a Tremplin database: import (validate, then store as the next
 * version), export, lookup. Stored versions are immutable, so parsed templates are cached.
 * Thread-safe.
 */
public final class TemplateLibrary implements ProgrammeTemplateService {
  /** The id of the bundled default template. */
  public static final String DEFAULT_TEMPLATE_ID = "ecole-du-web";

  private static final List<String> BUILT_INS = List.of("ecole-du-web.json");

  private final Database database;
  private final ProgrammeTemplates store;
  private final TemplateValidator validator;
  private final AccessRules access;
  private final Clock clock;
  private final Map<TemplateRef, ProgrammeTemplate> cache = new ConcurrentHashMap<>();

  /**
   * A library on a store.
   *
   * @param database the database (unit of work)
   * @param store the store
   * @param validator the validator
   * @param access the access rules every call is checked against
   * @param clock the clock read for "now"
   */
  public TemplateLibrary(
      Database database,
      ProgrammeTemplates store,
      TemplateValidator validator,
      AccessRules access,
      Clock clock) {
    this.database = database;
    this.store = store;
    this.validator = validator;
    this.access = access;
    this.clock = clock;
  }

  /**
   * The raw JSON document of a bundled template resource (e.g. {@code ecole-du-web.json}).
   *
   * @param resource the resource
   * @return the raw JSON document of a bundled template resource (e.g
   */
  public static String builtInDocument(String resource) {
    try (InputStream in = TemplateLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in template " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports the bundled templates whose id is not stored yet. */
  public void installBuiltIns() {
    for (String resource : BUILT_INS) {
      String doc = builtInDocument(resource);
      ProgrammeTemplate t = TemplateCodec.read(doc);
      if (store.latestVersion(t.ref().id()).isEmpty()) {
        store(doc);
      }
    }
  }

  @Override
  public ProgrammeTemplate importJson(Actor actor, String json) {
    access.check(actor, Operation.PROGRAMME_WRITE, new Target.OfNetwork());
    return store(json);
  }

  /** Stores a valid document as the next version of its id (joins the caller's transaction). */
  ProgrammeTemplate store(String json) {
    ProgrammeTemplate parsed = TemplateCodec.read(json);
    validator.check(parsed);
    for (int attempt = 0; ; attempt++) {
      try {
        return database.inTransaction(
            h -> {
              int next = store.latestVersion(parsed.ref().id()).orElse(0) + 1;
              ProgrammeTemplate stored = parsed.withRef(new TemplateRef(parsed.ref().id(), next));
              store.insert(stored.ref(), TemplateCodec.write(stored), clock.instant());
              return stored;
            });
      } catch (TremplinException e) {
        if (attempt < 2 && Database.isUniqueViolation(e)) {
          continue; // another node imported the same id at the same time: take the next version
        }
        throw e;
      }
    }
  }

  @Override
  public String exportJson(TemplateRef ref) {
    return TemplateCodec.write(get(ref));
  }

  @Override
  public ProgrammeTemplate get(TemplateRef ref) {
    TremplinException.required(ref, "template");
    ProgrammeTemplate cached = cache.get(ref);
    if (cached != null) {
      return cached;
    }
    String doc =
        database
            .read(h -> store.document(ref))
            .orElseThrow(
                () ->
                    new TremplinException(
                        ErrorCode.TEMPLATE_NOT_FOUND, "no programme template " + ref));
    ProgrammeTemplate t = TemplateCodec.read(doc);
    cache.put(ref, t);
    return t;
  }

  @Override
  public ProgrammeTemplate latest(String id) {
    TremplinException.requiredText(id, "template id");
    int version =
        database
            .read(h -> store.latestVersion(id))
            .orElseThrow(
                () ->
                    new TremplinException(
                        ErrorCode.TEMPLATE_NOT_FOUND, "no programme template with id " + id));
    return get(new TemplateRef(id, version));
  }

  @Override
  public List<TemplateRef> list() {
    return database.read(h -> store.refs());
  }
}
