package org.tremplin.lti.testing;

import java.time.Clock;
import javax.sql.DataSource;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.testing.TestDatabase;

/** A fresh database with core's and the adapter's tables, as the adapter's stores see it. */
public final class LtiDatabase {
  private LtiDatabase() {}

  /** Core's unit of work on a fresh database of this kind, the adapter's tables installed. */
  public static UnitOfWork open(TestDatabase db) {
    return open(db.fresh());
  }

  /** Core's unit of work on this database, the adapter's tables installed. */
  public static UnitOfWork open(DataSource dataSource) {
    return LtiSchema.install(Tremplin.create(dataSource, Clock.systemUTC()));
  }
}
