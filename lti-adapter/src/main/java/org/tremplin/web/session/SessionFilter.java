package org.tremplin.web.session;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.access.Role;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.Sessions;

/**
 * Resolves the app session of every request to a resource marked {@link WithSession}, so no
 * resource reads tokens itself. The token is the {@code session} query parameter; on a form post,
 * the {@code session} field (the form is buffered and handed on intact); the {@link SessionCookie}
 * is read on {@code GET} and {@code HEAD} only, so a cross-site form post, which carries the cookie
 * but cannot know the token, opens nothing. A found session becomes the request's {@link
 * RequestSession}; no token, an unknown or an expired one answers the "session missing" response
 * given at construction, and the resource is not called. Thread-safe.
 */
@WithSession
public final class SessionFilter implements ContainerRequestFilter {
  /** Tokens are 43 characters; anything much longer is not one. */
  static final int MAX_TOKEN_LENGTH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(SessionFilter.class);

  private final Sessions sessions;
  private final Supplier<Response> missing;

  /**
   * Over these sessions; {@code missing} answers a request whose session cannot be found (e.g. the
   * page telling the user to launch again from the LMS).
   *
   * @param sessions the sessions
   * @param missing the missing
   */
  public SessionFilter(Sessions sessions, Supplier<Response> missing) {
    this.sessions = sessions;
    this.missing = missing;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String query = request.getUriInfo().getQueryParameters().getFirst(SessionCookie.PARAMETER);
    Cookie cookie = request.getCookies().get(SessionCookie.NAME);
    Optional<String> token =
        tokenOf(
            request.getMethod(),
            query,
            FormFields.first(request, SessionCookie.PARAMETER),
            cookie == null ? null : cookie.getValue());
    Optional<AppSession> session = token.flatMap(sessions::find);
    if (session.isEmpty()) {
      LOG.debug("App request without a live session: {}", token.isEmpty() ? "no token" : "unknown");
      request.abortWith(missing.get());
      return;
    }
    request.setSecurityContext(
        new SessionSecurity(
            new RequestSession(token.get(), session.get()), request.getSecurityContext()));
  }

  /**
   * The token a request presents: the query parameter when there is one; else, on a form post, the
   * form field; else, on {@code GET} or {@code HEAD} only, the cookie. Empty values count as
   * absent; a value too long to be a token presents none (the next source is not tried).
   */
  static Optional<String> tokenOf(
      String method, @Nullable String query, @Nullable String formField, @Nullable String cookie) {
    String presented = nonEmpty(query) != null ? query : nonEmpty(formField);
    if (presented == null && (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
      presented = nonEmpty(cookie);
    }
    return presented == null || presented.length() > MAX_TOKEN_LENGTH
        ? Optional.empty()
        : Optional.of(presented);
  }

  private static @Nullable String nonEmpty(@Nullable String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** The request's security context with the session as principal; the roles are its grants'. */
  private record SessionSecurity(RequestSession principal, @Nullable SecurityContext original)
      implements SecurityContext {
    @Override
    public RequestSession getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return principal.session().roles().stream().map(Role::name).anyMatch(role::equals);
    }

    @Override
    public boolean isSecure() {
      return original != null && original.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return "TREMPLIN_SESSION";
    }
  }
}
