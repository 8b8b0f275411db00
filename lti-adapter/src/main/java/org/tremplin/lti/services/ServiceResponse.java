package org.tremplin.lti.services;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a platform service answered an authorised call: status, headers and body (bounded in size).
 * Immutable.
 *
 * @param uri the URL called
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body as text (UTF-8), empty when there was none
 */
public record ServiceResponse(URI uri, int status, HttpHeaders headers, String body) {
  /** All required. */
  public ServiceResponse {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** Whether the status is 2xx (LTI.md §5: any 2xx is success). */
  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** Every value of this header, in order (e.g. several {@code Link} headers). */
  public List<String> headers(String name) {
    return headers.allValues(name);
  }

  /** The first value of this header. */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /**
   * The body shortened to what helps in an error message or a trainer's page: at most {@code max}
   * characters, control characters removed; HTML pages reduced to their text.
   */
  public String shortBody(int max) {
    String text = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ");
    text = text.replaceAll("<[^>]*>", " ").replaceAll("\\p{Cntrl}", " ");
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
  }

  @Override
  public String toString() {
    return "ServiceResponse[" + status + " " + uri + "]";
  }
}
