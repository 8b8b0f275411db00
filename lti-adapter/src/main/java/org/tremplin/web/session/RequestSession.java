package org.tremplin.web.session;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import org.tremplin.api.access.Actor;
import org.tremplin.lti.session.AppSession;

/**
 * The app session the {@link SessionFilter} resolved for this request, and the token that opened it
 * (links and forms of the next page carry it). It is the request's {@link
 * SecurityContext#getUserPrincipal() principal}, so a resource takes it portably with
 * {@code @Context SecurityContext}. Immutable; {@code toString} hides the token.
 *
 * @param token the session's bearer token
 * @param session the session
 */
public record RequestSession(String token, AppSession session) implements Principal {

  /**
   * Both required.
   *
   * @param token the session token
   * @param session the session
   */
  public RequestSession {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(session, "session");
  }

  /**
   * The session of a request that went through the {@link SessionFilter}.
   *
   * @param security the request's security context (its session)
   * @return the session of a request that went through the {@link SessionFilter}
   * @throws IllegalStateException when the resource is not marked {@link WithSession}
   */
  public static RequestSession of(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof RequestSession resolved) {
      return resolved;
    }
    throw new IllegalStateException("no app session: mark the resource @WithSession");
  }

  /**
   * The actor to call the domain services with; empty while the session grants nothing.
   *
   * @return the actor to call the domain services with; empty while the session grants nothing
   */
  public Optional<Actor> actor() {
    return session.actor();
  }

  /** The Tremplin person id of the user. */
  @Override
  public String getName() {
    return session.personId();
  }

  @Override
  public String toString() {
    return "RequestSession[personId=" + session.personId() + "]";
  }
}
