package org.tremplin.lti.grades;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.keys.JdbiToolKeys;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.services.JdbiServiceEndpoints;
import org.tremplin.lti.services.ServiceTokens;

/**
 * A tool node that only publishes grades, run in a JVM of its own by {@link GradeCrashIT} (which
 * kills it with SIGKILL): its relay delivers the stored events on its own thread, on the system
 * clock, until the process dies. Arguments: JDBC URL, user, password, issuer, client id, token URL,
 * keyset URL, deployment id.
 */
public final class GradeNode {
  private GradeNode() {}

  /** Starts the node and prints {@code ready}; never returns. */
  public static void main(String[] args) throws InterruptedException {
    Clock clock = Clock.systemUTC();
    Tremplin tremplin = Tremplin.create(Tremplin.dataSource(args[0], args[1], args[2]), clock);
    UnitOfWork database = LtiSchema.install(tremplin);
    PlatformRegistration registration =
        new PlatformRegistration(
            "lms",
            args[3],
            args[4],
            URI.create(args[3] + "/auth"),
            URI.create(args[5]),
            URI.create(args[6]),
            Set.of(args[7]),
            false);
    ServiceTokens tokens =
        new ServiceTokens(new JdbiToolKeys(database, clock), ServiceTokens.defaultClient(), clock);
    GradePublisher publisher =
        new GradePublisher(
            new JdbiGradeDeliveries(database),
            new LinkedCourseGradebooks(
                database,
                new JdbiServiceEndpoints(database, clock),
                new InMemoryRegistrations(List.of(registration))),
            new AgsClient(tokens, clock),
            clock);
    tremplin.relay().register(publisher);
    tremplin.relay().start();
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }
}
