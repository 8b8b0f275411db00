package org.tremplin.web.form;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.web.session.FormFields;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * Refuses with 403 every {@code POST} to a resource marked {@link WithSession} whose {@value
 * FormGuard#CSRF} form field is not the session's CSRF value (ADR 0010), before the resource runs.
 * Runs after the {@code SessionFilter} (register it with a later priority), which has already
 * checked the session token. The form body is read and put back intact. Thread-safe.
 */
@WithSession
@Priority(Priorities.USER + 100) // after the SessionFilter (USER), in every JAX-RS runtime
public final class FormGuardFilter implements ContainerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(FormGuardFilter.class);

  private final FormGuard guard;

  /**
   * Checks with this guard.
   *
   * @param guard the guard
   */
  public FormGuardFilter(FormGuard guard) {
    this.guard = guard;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HttpMethod.POST.equals(request.getMethod())
        || !(request.getSecurityContext().getUserPrincipal() instanceof RequestSession session)) {
      return;
    }
    if (!guard.csrfMatches(session.token(), FormFields.first(request, FormGuard.CSRF))) {
      LOG.info("Form refused: FORM_CSRF_MISMATCH");
      request.abortWith(FormPages.refused(session.session().locale(), 403));
    }
  }
}
