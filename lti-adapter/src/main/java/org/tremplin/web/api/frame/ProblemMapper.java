package org.tremplin.web.api.frame;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a {@link Problem} as {@code application/problem+json} (RFC 9457): {@code type}, {@code
 * title} (French, or English when the client prefers it), {@code status}, the stable {@code code},
 * {@code detail} and {@code errors} (fields at fault) when there are some, with the problem's
 * header ({@code WWW-Authenticate}, {@code Retry-After}). Never cached. Thread-safe; the
 * {@code @Context} proxy is per request.
 */
@Provider
public final class ProblemMapper implements ExceptionMapper<Problem> {
  /** The problem details media type. */
  public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  @Context private @Nullable HttpHeaders headers;

  /** For JAX-RS; the REST API registers one. */
  public ProblemMapper() {}

  @Override
  public Response toResponse(Problem problem) {
    return response(problem, headers == null ? List.of() : headers.getAcceptableLanguages());
  }

  /**
   * The reply to a problem in the client's language.
   *
   * @param problem the problem
   * @param languages the client's acceptable languages, most preferred first
   * @return the {@code application/problem+json} reply
   */
  static Response response(Problem problem, List<Locale> languages) {
    LOG.info("API request refused: {}", problem.code());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title(problem.code(), language(languages)));
    body.put("status", problem.status());
    body.put("code", problem.code());
    if (problem.detail() != null) {
      body.put("detail", problem.detail());
    }
    if (!problem.errors().isEmpty()) {
      body.put("errors", problem.errors());
    }
    Response.ResponseBuilder reply =
        Response.status(problem.status())
            .type(PROBLEM_JSON)
            .header("Cache-Control", "no-store")
            .header("X-Content-Type-Options", "nosniff")
            .entity(ApiJson.bytes(body));
    if (problem.header() != null) {
      reply.header(problem.header(), problem.headerValue());
    }
    return reply.build();
  }

  private static Locale language(List<Locale> acceptable) {
    for (Locale locale : acceptable) {
      if (locale.getLanguage().equals("fr")) {
        return Locale.FRENCH;
      }
      if (locale.getLanguage().equals("en")) {
        return Locale.ENGLISH;
      }
    }
    return Locale.FRENCH;
  }

  private static String title(String code, Locale language) {
    ResourceBundle texts =
        ResourceBundle.getBundle(
            "org.tremplin.web.api.frame.problems",
            language,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return texts.containsKey(code) ? texts.getString(code) : texts.getString("title");
  }
}
