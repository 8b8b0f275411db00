package org.tremplin.lti.registration;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.TremplinException;
import org.tremplin.core.persistence.UnitOfWork;

/**
 * The registrations the tool trusts: those from configuration ({@code tremplin.lti.platform.*},
 * given at construction) plus those stored by Dynamic Registration in {@code
 * tremplin_lti_registration}. Both behave the same for lookups (LTI.md §1.2): by (issuer, client
 * id), or by issuer alone only when exactly one registration, configured or stored, has that
 * issuer. When configuration and database both hold the same (issuer, client id), the configuration
 * wins: the stored row is ignored, so an administrator can always correct a registration by
 * configuring it, and {@link #add} refuses a key that is already configured.
 *
 * <p>Deployment ids: a registration's known ids are those it was configured or registered with,
 * plus every id recorded in {@code tremplin_lti_deployment} for its key, whether it is configured
 * or stored (LTI.md §2.10). {@link #recordDeployment} inserts one row, idempotently: the primary
 * key decides between nodes racing to record the same id.
 *
 * <p>Every lookup reads the database, so a registration added on one node is seen by all.
 * Thread-safe.
 */
public final class JdbiRegistrations implements Registrations, RegistrationStore {
  private final UnitOfWork database;
  private final List<PlatformRegistration> configured;
  private final Clock clock;

  /**
   * Over this database, with these configured registrations.
   *
   * @param database the database (unit of work)
   * @param configured the configured
   * @param clock the clock read for "now"
   * @throws IllegalArgumentException when two configured registrations share (issuer, client id)
   */
  public JdbiRegistrations(
      UnitOfWork database, List<PlatformRegistration> configured, Clock clock) {
    this.database = database;
    this.configured = List.copyOf(configured);
    this.clock = clock;
    if (this.configured.stream().map(JdbiRegistrations::key).distinct().count()
        != this.configured.size()) {
      throw new IllegalArgumentException("two registrations share the same issuer and client id");
    }
  }

  @Override
  public Optional<PlatformRegistration> find(String issuer, String clientId) {
    Optional<PlatformRegistration> fromConfig =
        configured.stream()
            .filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId))
            .findFirst();
    return database.read(
        h ->
            fromConfig
                .or(
                    () ->
                        stored(h, "issuer = :issuer and client_id = :clientId", issuer, clientId)
                            .stream()
                            .findFirst())
                .map(r -> withRecorded(h, r)));
  }

  /**
   * Every registration: the configured ones, then those stored by dynamic registration that the
   * configuration does not override (without their recorded deployments).
   *
   * @return every registration: the configured ones, then those stored by dynamic registration that
   *     the configuration does not override (without their recorded deployments)
   */
  public List<PlatformRegistration> all() {
    Set<String> configuredKeys = new HashSet<>();
    configured.forEach(r -> configuredKeys.add(key(r)));
    List<PlatformRegistration> all = new ArrayList<>(configured);
    database.read(h -> stored(h, ":issuer = :issuer and :clientId = :clientId", "", "")).stream()
        .filter(r -> !configuredKeys.contains(key(r)))
        .forEach(all::add);
    return List.copyOf(all);
  }

  @Override
  public Optional<PlatformRegistration> findByIssuer(String issuer) {
    return database.read(
        h -> {
          List<PlatformRegistration> matching = new ArrayList<>();
          configured.stream().filter(r -> r.issuer().equals(issuer)).forEach(matching::add);
          for (PlatformRegistration r : stored(h, "issuer = :issuer", issuer, "")) {
            if (matching.stream().noneMatch(c -> key(c).equals(key(r)))) {
              matching.add(r);
            }
          }
          return matching.size() == 1
              ? Optional.of(withRecorded(h, matching.get(0)))
              : Optional.<PlatformRegistration>empty();
        });
  }

  @Override
  public void recordDeployment(String issuer, String clientId, String deploymentId) {
    if (deploymentId.isEmpty() || deploymentId.length() > 255) {
      throw new IllegalArgumentException("a deployment id has 1 to 255 characters");
    }
    boolean registered =
        configured.stream()
                .anyMatch(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId))
            || database.read(
                h ->
                    !stored(h, "issuer = :issuer and client_id = :clientId", issuer, clientId)
                        .isEmpty());
    if (!registered) {
      return;
    }
    try {
      database.inTransaction(
          h -> {
            boolean known =
                h.createQuery(
                            """
                        select count(*) from tremplin_lti_deployment
                        where issuer = :issuer and client_id = :clientId
                          and deployment_id = :deploymentId
                        """)
                        .bind("issuer", issuer)
                        .bind("clientId", clientId)
                        .bind("deploymentId", deploymentId)
                        .mapTo(Integer.class)
                        .one()
                    > 0;
            if (!known) {
              insertDeployment(h, issuer, clientId, deploymentId, "LAUNCH");
            }
            return known;
          });
    } catch (TremplinException e) {
      if (!UnitOfWork.isUniqueViolation(e)) {
        throw e;
      }
      // another node recorded it first: the id is known, which is all we wanted
    }
  }

  @Override
  public boolean add(PlatformRegistration registration) {
    if (configured.stream().anyMatch(c -> key(c).equals(key(registration)))) {
      return false;
    }
    try {
      return database.inTransaction(
          h -> {
            h.createUpdate(
                    """
                    insert into tremplin_lti_registration
                      (issuer, client_id, name, auth_url, token_url, jwks_url, auto_deployments,
                       created_at)
                    values (:issuer, :clientId, :name, :authUrl, :tokenUrl, :jwksUrl, :auto,
                            :createdAt)
                    """)
                .bind("issuer", registration.issuer())
                .bind("clientId", registration.clientId())
                .bind("name", registration.name())
                .bind("authUrl", registration.authUrl().toString())
                .bind("tokenUrl", registration.tokenUrl().toString())
                .bind("jwksUrl", registration.jwksUrl().toString())
                .bind("auto", registration.autoDeployments())
                .bind("createdAt", UnitOfWork.timestamp(clock.instant()))
                .execute();
            for (String deploymentId : registration.deploymentIds()) {
              insertDeployment(
                  h, registration.issuer(), registration.clientId(), deploymentId, "REGISTRATION");
            }
            return true;
          });
    } catch (TremplinException e) {
      if (UnitOfWork.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public boolean update(PlatformRegistration registration) {
    if (configured.stream().anyMatch(c -> key(c).equals(key(registration)))) {
      return false;
    }
    try {
      return database.inTransaction(
          h -> {
            int updated =
                h.createUpdate(
                        """
                        update tremplin_lti_registration
                        set name = :name, auth_url = :authUrl, token_url = :tokenUrl,
                            jwks_url = :jwksUrl, auto_deployments = :auto
                        where issuer = :issuer and client_id = :clientId
                        """)
                    .bind("issuer", registration.issuer())
                    .bind("clientId", registration.clientId())
                    .bind("name", registration.name())
                    .bind("authUrl", registration.authUrl().toString())
                    .bind("tokenUrl", registration.tokenUrl().toString())
                    .bind("jwksUrl", registration.jwksUrl().toString())
                    .bind("auto", registration.autoDeployments())
                    .execute();
            if (updated == 0) {
              return false;
            }
            for (String deploymentId : registration.deploymentIds()) {
              boolean known =
                  h.createQuery(
                              """
                              select count(*) from tremplin_lti_deployment
                              where issuer = :issuer and client_id = :clientId
                                and deployment_id = :deploymentId
                              """)
                          .bind("issuer", registration.issuer())
                          .bind("clientId", registration.clientId())
                          .bind("deploymentId", deploymentId)
                          .mapTo(Integer.class)
                          .one()
                      > 0;
              if (!known) {
                insertDeployment(
                    h,
                    registration.issuer(),
                    registration.clientId(),
                    deploymentId,
                    "REGISTRATION");
              }
            }
            return true;
          });
    } catch (TremplinException e) {
      if (UnitOfWork.isUniqueViolation(e)) {
        return true; // another node recorded the same deployment id meanwhile: it is known
      }
      throw e;
    }
  }

  private void insertDeployment(
      Handle h, String issuer, String clientId, String deploymentId, String origin) {
    h.createUpdate(
            """
            insert into tremplin_lti_deployment
              (issuer, client_id, deployment_id, origin, created_at)
            values (:issuer, :clientId, :deploymentId, :origin, :createdAt)
            """)
        .bind("issuer", issuer)
        .bind("clientId", clientId)
        .bind("deploymentId", deploymentId)
        .bind("origin", origin)
        .bind("createdAt", UnitOfWork.timestamp(clock.instant()))
        .execute();
  }

  private static List<PlatformRegistration> stored(
      Handle h, String where, String issuer, String clientId) {
    return h.createQuery(
            "select issuer, client_id, name, auth_url, token_url, jwks_url, auto_deployments"
                + " from tremplin_lti_registration where "
                + where
                + " order by client_id")
        .bind("issuer", issuer)
        .bind("clientId", clientId)
        .map(
            (rs, ctx) ->
                new PlatformRegistration(
                    rs.getString("name"),
                    rs.getString("issuer"),
                    rs.getString("client_id"),
                    URI.create(rs.getString("auth_url")),
                    URI.create(rs.getString("token_url")),
                    URI.create(rs.getString("jwks_url")),
                    Set.of(),
                    rs.getBoolean("auto_deployments")))
        .list();
  }

  private static PlatformRegistration withRecorded(Handle h, PlatformRegistration registration) {
    Set<String> recorded =
        new HashSet<>(
            h.createQuery(
                    """
                    select deployment_id from tremplin_lti_deployment
                    where issuer = :issuer and client_id = :clientId
                    """)
                .bind("issuer", registration.issuer())
                .bind("clientId", registration.clientId())
                .mapTo(String.class)
                .list());
    return registration.withDeployments(recorded);
  }

  private static String key(PlatformRegistration registration) {
    return registration.issuer() + "\u0000" + registration.clientId();
  }
}
