package org.tremplin.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, with HTTP 413, a request whose declared {@code Content-Length} exceeds the bound (an LTI
 * launch form is an id_token of at most 64 KiB plus a state). Bodies without a length (chunked) are
 * bounded by the host's container settings. Stateless and thread-safe.
 */
public final class RequestSizeLimit implements ContainerRequestFilter {
  /** Default largest request body: 128 KiB. */
  public static final long DEFAULT_MAX_BYTES = 128 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RequestSizeLimit.class);

  private final long maxBytes;

  /** Refusing bodies larger than {@code maxBytes}. */
  public RequestSizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return;
    }
    long declared;
    try {
      declared = Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      declared = Long.MAX_VALUE;
    }
    if (declared > maxBytes) {
      LOG.info("Request refused: REQUEST_TOO_LARGE");
      request.abortWith(
          Response.status(413)
              .type(MediaType.valueOf("text/html;charset=UTF-8"))
              .entity(
                  "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>413"
                      + "</title></head><body><p>Requête trop volumineuse / Request too large."
                      + "</p><p>Code : <code>REQUEST_TOO_LARGE</code></p></body></html>\n")
              .build());
    }
  }
}
