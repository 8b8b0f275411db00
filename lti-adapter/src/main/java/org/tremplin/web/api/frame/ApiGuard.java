package org.tremplin.web.api.frame;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.token.ApiTokenService;

/**
 * The door of the REST API: every request to a resource marked {@link ApiAuthenticated} must carry
 * {@code Authorization: Bearer tremplin_<id>_<secret>}, a token core accepts (ADR 0011: not
 * revoked, not expired; ADR 0015: the token's row read again at most every {@code
 * ApiTokens.RECHECK_AFTER}, so a revocation holds at once on the node that made it and within those
 * seconds on the others); the request then acts as the token's actor ({@link Caller}), within the
 * token's requests per minute ({@link RateLimiter}). A missing or refused token answers 401 with
 * {@code WWW-Authenticate: Bearer}; a spent allowance 429 with {@code Retry-After}; both before the
 * resource runs, so nothing is written.
 *
 * <p>On the way out, every successful reply carrying a JSON representation gets its {@code ETag}
 * ({@link ApiJson#etag}), a read whose {@code If-None-Match} names it answers 304, and no reply is
 * stored by shared caches ({@code Cache-Control: private, no-cache}). Thread-safe.
 */
@ApiAuthenticated
@Priority(Priorities.AUTHENTICATION)
public final class ApiGuard implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String BEARER = "bearer ";

  private final ApiTokenService tokens;
  private final RateLimiter limiter;

  /**
   * Checks tokens with this service, within this limit.
   *
   * @param tokens core's API tokens
   * @param limiter requests per minute per token
   */
  public ApiGuard(ApiTokenService tokens, RateLimiter limiter) {
    this.tokens = tokens;
    this.limiter = limiter;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      refuse(request, Problem.unauthenticated(authorization != null));
      return;
    }
    Actor actor;
    try {
      actor = tokens.authenticate(authorization.substring(BEARER.length()).strip());
    } catch (TremplinException e) {
      if (e.code() != ErrorCode.TOKEN_INVALID) {
        throw e;
      }
      refuse(request, Problem.unauthenticated(true));
      return;
    }
    long wait = limiter.acquire(actor.id());
    if (wait > 0) {
      refuse(request, Problem.rateLimited(wait));
      return;
    }
    request.setSecurityContext(
        new Caller(actor, request.getUriInfo().getRequestUri().getScheme().equals("https")));
  }

  private static void refuse(ContainerRequestContext request, Problem problem) {
    request.abortWith(ProblemMapper.response(problem, request.getAcceptableLanguages()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller.TokenPrincipal)) {
      return; // refused at the door: the problem reply stands as it is
    }
    Object own = response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
    if (own == null || !String.valueOf(own).contains("no-store")) {
      // a resource's "no-store" (a learner's personal data) stands; the rest may be kept privately
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }
    if (response.getStatus() >= 300 || !(response.getEntity() instanceof byte[] json)) {
      return;
    }
    String tag = ApiJson.etag(json);
    response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    if (request.getMethod().equals(HttpMethod.GET)
        && Preconditions.noneMatchNames(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
      response.setStatus(304);
      response.setEntity(null);
    }
  }
}
