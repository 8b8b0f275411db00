package org.tremplin.web;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a request body in a character set this JVM does not know ({@code Content-Type:
 * application/x-www-form-urlencoded; charset=x-bogus}) with HTTP 415 {@code
 * UNSUPPORTED_MEDIA_TYPE}, before any resource tries to decode it (which would fail as an internal
 * error). Requests without a charset parameter are left alone. Stateless and thread-safe.
 */
@PreMatching
public final class RequestCharset implements ContainerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(RequestCharset.class);

  /** For JAX-RS; {@link TremplinFeature} registers one. */
  public RequestCharset() {}

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (header == null || !header.toLowerCase(java.util.Locale.ROOT).contains("charset")) {
      return;
    }
    String charset;
    try {
      MediaType type = request.getMediaType();
      charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    } catch (RuntimeException e) { // a Content-Type the runtime cannot parse
      throw refused();
    }
    if (charset != null && !isSupported(charset)) {
      throw refused();
    }
  }

  private static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset.strip());
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  private static NotSupportedException refused() {
    LOG.info("Request refused: UNSUPPORTED_MEDIA_TYPE (charset)");
    return new NotSupportedException();
  }
}
