package org.tremplin.web.api.frame;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.tremplin.api.access.Actor;

/**
 * The authenticated caller of one API request, as the request's {@link SecurityContext}: its
 * principal is the token's actor id. Resources read the actor with {@link #actor}. Immutable.
 *
 * @param actor the actor the token acts as
 * @param secure whether the request came over HTTPS
 */
public record Caller(Actor actor, boolean secure) implements SecurityContext {
  /**
   * The token's actor id.
   *
   * @return the token's actor id
   */
  @Override
  public Principal getUserPrincipal() {
    return new TokenPrincipal(actor);
  }

  /**
   * The principal of a token's request: its actor.
   *
   * @param actor the actor the token acts as
   */
  record TokenPrincipal(Actor actor) implements Principal {
    @Override
    public String getName() {
      return actor.id();
    }
  }

  @Override
  public boolean isUserInRole(String role) {
    return actor.grants().stream().anyMatch(g -> g.role().name().equals(role));
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }

  /**
   * The actor of an authenticated API request.
   *
   * @param context the request's security context, as {@link ApiGuard} set it
   * @return the actor the request's token acts as
   * @throws IllegalStateException when the resource is not guarded (a programming error)
   */
  public static Actor of(SecurityContext context) {
    // runtimes inject a proxy of the request's context: ask it for the principal
    if (context.getUserPrincipal() instanceof TokenPrincipal principal) {
      return principal.actor();
    }
    throw new IllegalStateException("an API resource without @ApiAuthenticated");
  }
}
