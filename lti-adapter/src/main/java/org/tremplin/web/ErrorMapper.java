package org.tremplin.web;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.lti.LtiException;

/**
 * Turns every exception that reaches JAX-RS into a short error reply, so that no error answers an
 * empty body or a stack trace. A {@link WebApplicationException} keeps its status (and its own
 * entity, when it has one); a {@link TremplinException} or the adapter's {@link LtiException} maps
 * by its {@link ErrorCode.Kind} (INVALID 400, or 422 in the REST API, NOT_FOUND 404, CONFLICT 409,
 * FORBIDDEN 403, INTERNAL 500) with its stable code; anything else is a 500 with an incident number
 * that is also logged, with the exception's class and stack but without its message (messages may
 * quote request values). The reply is an HTML page for browser endpoints and {@code
 * application/problem+json} for JSON endpoints ({@code /api}, {@code /health}, resources producing
 * JSON) or when the client prefers JSON. Thread-safe; the {@code @Context} proxies are per request.
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** Stable codes of the HTTP statuses Tremplin answers on its own. */
  private static final Map<Integer, String> CODES =
      Map.ofEntries(
          Map.entry(400, "BAD_REQUEST"),
          Map.entry(401, "UNAUTHORIZED"),
          Map.entry(403, "FORBIDDEN"),
          Map.entry(404, "NOT_FOUND"),
          Map.entry(405, "METHOD_NOT_ALLOWED"),
          Map.entry(406, "NOT_ACCEPTABLE"),
          Map.entry(409, "CONFLICT"),
          Map.entry(413, "REQUEST_TOO_LARGE"),
          Map.entry(414, "URI_TOO_LONG"),
          Map.entry(415, "UNSUPPORTED_MEDIA_TYPE"),
          Map.entry(431, "HEADERS_TOO_LARGE"),
          Map.entry(503, "SERVICE_UNAVAILABLE"));

  /** Response headers of a {@link WebApplicationException} worth keeping. */
  private static final List<String> KEPT_HEADERS =
      List.of("Allow", "Retry-After", "WWW-Authenticate");

  @Context private @Nullable HttpHeaders headers;
  @Context private @Nullable UriInfo uriInfo;
  @Context private @Nullable ResourceInfo resourceInfo;

  /** For JAX-RS; {@link TremplinFeature} registers one. */
  public ErrorMapper() {}

  @Override
  public Response toResponse(Throwable exception) {
    Throwable cause = meaningful(exception);
    if (cause instanceof WebApplicationException web) {
      return fromWebApplication(web);
    }
    if (cause instanceof TremplinException tremplin) {
      return fromCode(tremplin.code().name(), tremplin.code().kind(), tremplin);
    }
    if (cause instanceof LtiException lti) {
      return fromCode(lti.code().name(), lti.code().kind(), lti);
    }
    return internal(exception);
  }

  private Response fromWebApplication(WebApplicationException exception) {
    Response original = exception.getResponse();
    if (original != null && original.hasEntity()) {
      return original;
    }
    int status = original == null ? 500 : original.getStatus();
    if (status < 400) {
      return original == null ? internal(exception) : original;
    }
    String code = codeOf(status);
    String incident = null;
    if (status >= 500) {
      incident = incident();
      logIncident(code, incident, exception);
    } else {
      LOG.debug("Request refused: {}", code);
    }
    Response reply = reply(new ErrorPages.Reply(status, code, "error." + code, null, incident));
    if (original == null) {
      return reply;
    }
    Response.ResponseBuilder copy = Response.fromResponse(reply);
    for (String name : KEPT_HEADERS) {
      String value = original.getHeaderString(name);
      if (value != null) {
        copy.header(name, value);
      }
    }
    return copy.build();
  }

  private Response fromCode(String code, ErrorCode.Kind kind, RuntimeException exception) {
    int status =
        switch (kind) {
          // the REST API parses its input itself (400); what core refuses of it is 422
          case INVALID -> restApi() ? 422 : 400;
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
          case FORBIDDEN -> 403;
          case UNAUTHENTICATED -> 401;
          case INTERNAL -> 500;
        };
    String incident = null;
    String detail = null;
    if (kind == ErrorCode.Kind.INTERNAL) {
      incident = incident();
      logIncident(code, incident, exception);
    } else {
      LOG.info("Request refused: {}", code);
      if (kind != ErrorCode.Kind.FORBIDDEN) {
        detail = exception.getMessage();
      }
    }
    return reply(new ErrorPages.Reply(status, code, "kind." + kind, detail, incident));
  }

  private Response internal(Throwable exception) {
    String incident = incident();
    logIncident("INTERNAL_ERROR", incident, exception);
    return reply(
        new ErrorPages.Reply(500, "INTERNAL_ERROR", "error.INTERNAL_ERROR", null, incident));
  }

  private Response reply(ErrorPages.Reply reply) {
    if (wantsJson()) {
      return ErrorPages.problem(
          reply,
          ErrorPages.language(headers == null ? List.of() : headers.getAcceptableLanguages()));
    }
    return ErrorPages.html(reply, ErrorPages.root(uriInfo == null ? "" : uriInfo.getPath(false)));
  }

  /**
   * The reply to a request the host's HTTP server refuses before JAX-RS sees it (a request line or
   * headers too large or too many, no {@code Host}, a bad {@code Content-Length}, ambiguous
   * framing): the same short HTML page or problem details as every other error, chosen from the raw
   * {@code Accept} and {@code Accept-Language} values (empty when absent or unparsed). Such a
   * refusal is the client's: never an incident. Thread-safe.
   *
   * @param status the 4xx status the server answers
   * @param path the request path, or empty when it could not be read
   * @param accept the accept
   * @param acceptLanguage the accept language
   * @return the reply to a request the host's HTTP server refuses before JAX-RS sees it (a request
   *     line or headers too large or too many, no {@code Host}, a bad {@code Content-Length},
   *     ambiguous framing): the same short HTML page or problem details as every other error,
   *     chosen from the raw {@code Accept} and {@code Accept-Language} values (empty when absent or
   *     unparsed)
   */
  public static Response beforeRouting(
      int status, String path, String accept, String acceptLanguage) {
    ErrorPages.Reply reply =
        new ErrorPages.Reply(status, codeOf(status), "error." + codeOf(status), null, null);
    LOG.debug("Request refused by the server: {}", reply.code());
    if (wantsJson(acceptable(accept), jsonPath(path))) {
      return ErrorPages.problem(reply, ErrorPages.language(languages(acceptLanguage)));
    }
    return ErrorPages.html(reply);
  }

  /**
   * The media types of an {@code Accept} value, most preferred first; unparseable ones left out.
   */
  static List<MediaType> acceptable(String accept) {
    List<MediaType> types = new ArrayList<>();
    for (String part : accept.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        types.add(MediaType.valueOf(part.strip()));
      } catch (IllegalArgumentException e) {
        // a malformed entry is ignored, as JAX-RS would not match it either
      }
    }
    types.sort(Comparator.comparingDouble(ErrorMapper::quality).reversed());
    return types;
  }

  private static double quality(MediaType type) {
    try {
      return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<Locale> languages(String acceptLanguage) {
    try {
      return Locale.LanguageRange.parse(acceptLanguage).stream()
          .map(range -> Locale.forLanguageTag(range.getRange()))
          .toList();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /** JSON when the client prefers it to HTML, or for a JSON endpoint unless it prefers HTML. */
  private boolean wantsJson() {
    return wantsJson(
        headers == null ? List.of() : headers.getAcceptableMediaTypes(), jsonEndpoint());
  }

  private static boolean wantsJson(List<MediaType> acceptable, boolean jsonEndpoint) {
    for (MediaType type : acceptable) {
      if (type.isWildcardType()) {
        break;
      }
      if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
        return false;
      }
      if (isJson(type)) {
        return true;
      }
    }
    return jsonEndpoint;
  }

  private boolean jsonEndpoint() {
    if (resourceInfo != null && resourceInfo.getResourceMethod() != null) {
      Method method = resourceInfo.getResourceMethod();
      Produces produces = method.getAnnotation(Produces.class);
      if (produces == null) {
        produces = method.getDeclaringClass().getAnnotation(Produces.class);
      }
      if (produces != null) {
        for (String value : produces.value()) {
          if (isJson(MediaType.valueOf(value.split(",")[0].strip()))) {
            return true;
          }
        }
      }
    }
    return jsonPath(uriInfo == null ? "" : uriInfo.getPath(false));
  }

  /** Whether the request is one of the REST API's ({@code /api/v1/...}). */
  private boolean restApi() {
    String path = uriInfo == null ? "" : uriInfo.getPath(false);
    return (path.startsWith("/") ? path.substring(1) : path).startsWith("api/v1/");
  }

  /** Whether a path is one of the JSON endpoints ({@code /api...}, {@code /health}). */
  private static boolean jsonPath(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.startsWith("api/") || relative.equals("api") || relative.equals("health");
  }

  private static boolean isJson(MediaType type) {
    return !type.isWildcardSubtype()
        && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
  }

  /** The exception itself, or the web or Tremplin exception it wraps (runtimes wrap some). */
  private static Throwable meaningful(Throwable exception) {
    Throwable current = exception;
    for (int depth = 0; current != null && depth < 8; depth++) {
      if (current instanceof WebApplicationException
          || current instanceof TremplinException
          || current instanceof LtiException) {
        return current;
      }
      current = current.getCause();
    }
    return exception;
  }

  private static String incident() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Logs the incident with the exception's classes and frames, never its messages. */
  private static void logIncident(String code, String incident, Throwable exception) {
    LOG.error(
        "{} incident {}: {}",
        code,
        incident,
        exception.getClass().getName(),
        Redacted.of(exception));
  }

  /** A copy of an exception chain keeping class names and stack frames, dropping messages. */
  private static final class Redacted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Redacted(String className) {
      super(className);
    }

    static Redacted of(Throwable exception) {
      Redacted top = new Redacted(exception.getClass().getName());
      top.setStackTrace(exception.getStackTrace());
      Redacted last = top;
      Throwable current = exception.getCause();
      for (int depth = 0; current != null && depth < 16; depth++) {
        Redacted copy = new Redacted(current.getClass().getName());
        copy.setStackTrace(current.getStackTrace());
        last.initCause(copy);
        last = copy;
        current = current.getCause();
      }
      return top;
    }

    @Override
    public String toString() {
      return "(redacted) " + getMessage();
    }
  }

  /** The stable code of an error status Tremplin answers. */
  static String codeOf(int status) {
    return CODES.getOrDefault(status, status >= 500 ? "INTERNAL_ERROR" : "CLIENT_ERROR");
  }
}
