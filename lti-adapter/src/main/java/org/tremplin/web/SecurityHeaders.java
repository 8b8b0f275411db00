package org.tremplin.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Adds to every response the headers no Tremplin answer goes without, when the resource did not set
 * them: {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer} (addresses
 * of app pages carry the session token). Pages set their own CSP ({@code
 * org.tremplin.web.page.Pages}); {@link FrameAncestors} adds {@code frame-ancestors}. Stateless.
 */
final class SecurityHeaders implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!headers.containsKey("X-Content-Type-Options")) {
      headers.add("X-Content-Type-Options", "nosniff");
    }
    if (!headers.containsKey("Referrer-Policy")) {
      headers.add("Referrer-Policy", "no-referrer");
    }
  }
}
