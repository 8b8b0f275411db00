package org.tremplin.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Answers {@code OPTIONS} as the endpoint allows: {@code 204 No Content} with the {@code Allow}
 * header listing the methods the resource accepts (RFC 9110 §9.3.7), and no body. JAX-RS runtimes
 * answer an {@code OPTIONS} no resource declares on their own, Jersey with a {@code 200 text/plain}
 * body repeating the methods; this filter keeps their {@code Allow} and drops the body. An address
 * that does not exist still answers 404. Stateless and thread-safe.
 */
public final class OptionsReply implements ContainerResponseFilter {
  /** For JAX-RS; {@link TremplinFeature} registers one. */
  public OptionsReply() {}

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())
        && response.getStatus() == 200
        && response.getHeaderString(HttpHeaders.ALLOW) != null
        && (response.getMediaType() == null
            || MediaType.TEXT_PLAIN_TYPE.isCompatible(response.getMediaType()))) {
      response.setStatus(204);
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }
}
