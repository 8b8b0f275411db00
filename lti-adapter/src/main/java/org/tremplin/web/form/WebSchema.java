package org.tremplin.web.form;

import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.ModuleSchema;
import org.tremplin.core.persistence.UnitOfWork;

/**
 * The web pages' own tables (ADR 0005, ADR 0010), with their own Flyway history ({@code
 * tremplin_web_schema_history}, scripts in {@code org/tremplin/web/form/migration}), so their
 * versions never collide with core's or the LTI protocol's: the submission ids of {@link
 * FormGuard#once}. Stateless; {@link #install} is idempotent.
 */
public final class WebSchema {
  /** The web pages' migrations, applied after core's with their own history table. */
  public static final ModuleSchema SCHEMA =
      ModuleSchema.of("classpath:org/tremplin/web/form/migration", "tremplin_web_schema_history");

  private WebSchema() {}

  /** Migrates the web pages' tables on the engine's database; returns its unit of work. */
  public static UnitOfWork install(Tremplin tremplin) {
    UnitOfWork work = tremplin.transactions();
    work.migrate(SCHEMA);
    return work;
  }
}
