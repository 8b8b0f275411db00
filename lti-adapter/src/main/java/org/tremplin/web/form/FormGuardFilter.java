package org.tremplin.web.form;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  /** Checks with this guard. */
  public FormGuardFilter(FormGuard guard) {
    this.guard = guard;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HttpMethod.POST.equals(request.getMethod())
        || !(request.getSecurityContext().getUserPrincipal() instanceof RequestSession session)) {
      return;
    }
    if (!guard.csrfMatches(session.token(), csrfField(request))) {
      LOG.info("Form refused: FORM_CSRF_MISMATCH");
      request.abortWith(FormPages.refused(session.session().locale(), 403));
    }
  }

  private static @Nullable String csrfField(ContainerRequestContext request) {
    if (!request.hasEntity()
        || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
      return null;
    }
    byte[] body;
    try {
      body = request.getEntityStream().readAllBytes(); // bounded by RequestSizeLimit
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (decode(name).equals(FormGuard.CSRF)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
