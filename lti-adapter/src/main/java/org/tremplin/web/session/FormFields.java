package org.tremplin.web.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads one field of a posted form inside a request filter, before the resource runs: the body is
 * read (bounded by {@code RequestSizeLimit}) and put back intact for the resource. Used by the
 * session filter (the session token) and the form guard (the CSRF value). Stateless.
 */
public final class FormFields {
  private FormFields() {}

  /**
   * The first value of this field in the request's form body.
   *
   * @param request the request, its body put back after reading
   * @param field the field's name
   * @return the field's first value ("" when it has none), or null when the request carries no form
   *     or no such field
   */
  public static @Nullable String first(ContainerRequestContext request, String field) {
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
      if (decode(name).equals(field)) {
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
