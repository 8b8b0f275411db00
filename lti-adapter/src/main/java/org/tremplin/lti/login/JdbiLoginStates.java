package org.tremplin.lti.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.Registrations;

/**
 * Login states in the {@code tremplin_lti_login_state} table (LTI.md §1.5), so that the launch can
 * land on any node. The registration is stored by its key (issuer, client id) and resolved again
 * through {@link Registrations} on {@link #take}; a state whose registration has since disappeared
 * is taken but reported as unknown.
 *
 * <p>{@link #take} is atomic across nodes: it reads and deletes the row in one transaction, and
 * only the transaction whose delete removed the row returns it. Expired states are kept for a grace
 * period (so the launch can report STATE_EXPIRED), then ignored, and purged by a {@link #put} at
 * most once per purge interval per instance (a delete on every login would double its cost), by the
 * injected clock. Thread-safe.
 */
public final class JdbiLoginStates implements LoginStates {
  private final UnitOfWork database;
  private final Registrations registrations;
  private final Clock clock;
  private final Duration grace;
  private final Duration purgeInterval;
  private final java.util.concurrent.atomic.AtomicReference<Instant> lastPurge =
      new java.util.concurrent.atomic.AtomicReference<>(Instant.MIN);

  /** Default minimum interval between two purges of expired states. */
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(1);

  /** Keeps expired states for ten minutes after their expiry. */
  public JdbiLoginStates(UnitOfWork database, Registrations registrations, Clock clock) {
    this(database, registrations, clock, LoginState.TIME_TO_LIVE);
  }

  /** Keeps expired states for {@code grace} after their expiry. */
  public JdbiLoginStates(
      UnitOfWork database, Registrations registrations, Clock clock, Duration grace) {
    this(database, registrations, clock, grace, DEFAULT_PURGE_INTERVAL);
  }

  /**
   * Keeps expired states for {@code grace} after their expiry; purges at most once per {@code
   * purgeInterval}.
   */
  public JdbiLoginStates(
      UnitOfWork database,
      Registrations registrations,
      Clock clock,
      Duration grace,
      Duration purgeInterval) {
    this.database = database;
    this.registrations = registrations;
    this.clock = clock;
    this.grace = grace;
    this.purgeInterval = purgeInterval;
  }

  @Override
  public void put(LoginState loginState) {
    Instant now = clock.instant();
    Instant last = lastPurge.get();
    boolean purge = !now.isBefore(last.plus(purgeInterval)) && lastPurge.compareAndSet(last, now);
    database.inTransaction(
        h -> {
          if (purge) {
            h.createUpdate("delete from tremplin_lti_login_state where expires_at < :cutoff")
                .bind("cutoff", UnitOfWork.timestamp(now.minus(grace)))
                .execute();
          }
          return h.createUpdate(
                  """
                  insert into tremplin_lti_login_state
                    (state, issuer, client_id, nonce, target_link_uri, deployment_hint,
                     expires_at, created_at, storage_target)
                  values (:state, :issuer, :clientId, :nonce, :target, :hint, :expires, :created,
                          :storageTarget)
                  """)
              .bind("state", loginState.state())
              .bind("issuer", loginState.registration().issuer())
              .bind("clientId", loginState.registration().clientId())
              .bind("nonce", loginState.nonce())
              .bind("target", loginState.targetLinkUri())
              .bind("hint", loginState.deploymentIdHint())
              .bind("expires", UnitOfWork.timestamp(loginState.expiresAt()))
              .bind("created", UnitOfWork.timestamp(now))
              .bind("storageTarget", loginState.storageTarget())
              .execute();
        });
  }

  @Override
  public Optional<LoginState> take(String state) {
    Optional<Row> taken =
        database.inTransaction(
            h -> {
              Optional<Row> row = select(h, state);
              if (row.isEmpty()) {
                return Optional.<Row>empty();
              }
              int deleted =
                  h.createUpdate("delete from tremplin_lti_login_state where state = :state")
                      .bind("state", state)
                      .execute();
              return deleted == 1 ? row : Optional.<Row>empty();
            });
    return resolve(state, taken);
  }

  @Override
  public Optional<LoginState> find(String state) {
    return resolve(state, database.read(h -> select(h, state)));
  }

  private Optional<LoginState> resolve(String state, Optional<Row> found) {
    Instant cutoff = clock.instant().minus(grace);
    return found
        .filter(row -> !row.expiresAt().isBefore(cutoff))
        .flatMap(
            row ->
                registrations
                    .find(row.issuer(), row.clientId())
                    .map(registration -> row.toLoginState(state, registration)));
  }

  private static Optional<Row> select(Handle h, String state) {
    return h.createQuery(
            """
            select issuer, client_id, nonce, target_link_uri, deployment_hint, expires_at,
                   storage_target
            from tremplin_lti_login_state where state = :state
            """)
        .bind("state", state)
        .map(
            (rs, ctx) ->
                new Row(
                    rs.getString("issuer"),
                    rs.getString("client_id"),
                    rs.getString("nonce"),
                    rs.getString("target_link_uri"),
                    rs.getString("deployment_hint"),
                    UnitOfWork.instant(rs, "expires_at"),
                    rs.getString("storage_target")))
        .findOne();
  }

  /** One stored row, before its registration is resolved. */
  private record Row(
      String issuer,
      String clientId,
      String nonce,
      String targetLinkUri,
      @Nullable String deploymentHint,
      Instant expiresAt,
      @Nullable String storageTarget) {

    LoginState toLoginState(String state, PlatformRegistration registration) {
      return new LoginState(
          state, registration, nonce, targetLinkUri, deploymentHint, expiresAt, storageTarget);
    }
  }
}
