package org.tremplin.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;

/**
 * The error replies of the web layer, as a short HTML page (French and English, the code, the
 * incident number when there is one) or as {@code application/problem+json} (RFC 9457) in the
 * negotiated language. Texts come from the {@code org.tremplin.web.errors} bundles; the page is
 * {@code src/main/jte/error.jte} in the layout of every page, every dynamic value escaped. Never
 * cached, never a stack trace. Stateless.
 */
final class ErrorPages {
  /** The problem details media type. */
  static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
  private static final String BUNDLE = "org.tremplin.web.errors";

  private ErrorPages() {}

  /**
   * One error to answer.
   *
   * @param status the HTTP status
   * @param code the stable code shown and logged
   * @param messageKey the bundle key of the explanation
   * @param detail a precise message safe to show (names a value, never a secret), or null
   * @param incident the incident number of an unexpected failure, or null
   */
  record Reply(
      int status,
      String code,
      String messageKey,
      @Nullable String detail,
      @Nullable String incident) {}

  /** The French bundle, or the English one for {@code Locale.ENGLISH}. */
  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** French unless the client prefers English over French. */
  static Locale language(List<Locale> acceptable) {
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

  /** The reply as an HTML page in both languages, for a request at the application's root. */
  static Response html(Reply reply) {
    return html(reply, "");
  }

  /**
   * The reply as an HTML page in both languages.
   *
   * @param root the path from the request's address to the application's root ({@link #root})
   */
  static Response html(Reply reply, String root) {
    ResourceBundle fr = bundle(Locale.FRENCH);
    ResourceBundle en = bundle(Locale.ENGLISH);
    String titleKey = reply.status() >= 500 ? "title.5xx" : "title.4xx";
    Page page =
        new Page(
            Layout.of(Locale.FRENCH, "Tremplin — " + reply.code(), "", root),
            text(fr, titleKey),
            text(en, titleKey),
            text(fr, reply.messageKey()),
            text(en, reply.messageKey()),
            reply.detail(),
            reply.code(),
            text(fr, "incident"),
            reply.incident());
    return headers(Response.status(reply.status()).type(HTML), reply)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; base-uri 'none'")
        .entity(Templates.web().render("error.jte", page))
        .build();
  }

  /**
   * The relative path from a request's address to the application's root: {@code ""} for {@code
   * /health}, {@code "../"} for {@code /lti/launch}, {@code "../../"} for {@code /app/link/new}.
   *
   * @param path the request's path relative to the application (JAX-RS {@code UriInfo.getPath})
   */
  static String root(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    long depth = relative.chars().filter(c -> c == '/').count();
    return "../".repeat((int) Math.min(depth, 64));
  }

  /** An error page: heading, explanation in French and English, detail, code, incident. */
  record Page(
      Layout layout,
      String titleFr,
      String titleEn,
      String french,
      String english,
      @Nullable String detail,
      String code,
      String incidentLabel,
      @Nullable String incident) {}

  /** The reply as {@code application/problem+json} in this language. */
  static Response problem(Reply reply, Locale language) {
    ResourceBundle texts = bundle(language);
    StringBuilder json = new StringBuilder(256);
    json.append("{\"type\":\"about:blank\",\"title\":")
        .append(quote(text(texts, reply.messageKey())))
        .append(",\"status\":")
        .append(reply.status())
        .append(",\"code\":")
        .append(quote(reply.code()));
    if (reply.detail() != null) {
      json.append(",\"detail\":").append(quote(reply.detail()));
    }
    if (reply.incident() != null) {
      json.append(",\"incident\":").append(quote(reply.incident()));
    }
    json.append("}");
    return headers(Response.status(reply.status()).type(PROBLEM_JSON), reply)
        .header("X-Content-Type-Options", "nosniff")
        .entity(json.toString())
        .build();
  }

  private static Response.ResponseBuilder headers(Response.ResponseBuilder builder, Reply reply) {
    builder.header("Cache-Control", "no-store").header("Content-Language", "fr, en");
    if (reply.status() == 413) {
      // The rest of an oversized body is not worth reading: close instead of draining it.
      builder.header("Connection", "close");
    }
    return builder;
  }

  private static String text(ResourceBundle bundle, String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return bundle.getString("title");
    }
  }

  /** A JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
