package org.tremplin.lti.grades;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsugi.ags2.objects.LineItem;
import org.tsugi.ags2.objects.Result;

/**
 * Speaks AGS 2.0 to a platform over HTTP (LTI.md §5): line items (found across all pages, created),
 * scores, results. Every request carries a bearer token from {@link GradeTokens} and the exact
 * media types; a 401 drops the token and tries once more with a new one. Failures are {@link
 * GradebookException}s: 409, 429 (with its {@code Retry-After}), 408, 5xx, network errors and a
 * second 401 are worth retrying; any other 4xx is a refusal carrying the platform's answer.
 * Requests are bounded in time (well below the outbox lease). Thread-safe.
 */
public final class AgsClient {
  private static final Logger LOG = LoggerFactory.getLogger(AgsClient.class);
  private static final int MAX_PAGES = 1000;
  private static final int ANSWER_LENGTH = 500;

  /** Default time for one request, connection included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final GradeTokens tokens;
  private final Duration timeout;
  private final Clock clock;
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** With its own HTTP client and the default timeout. */
  public AgsClient(GradeTokens tokens, Clock clock) {
    this(
        HttpClient.newBuilder()
            .connectTimeout(DEFAULT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        tokens,
        DEFAULT_TIMEOUT,
        clock);
  }

  /** With this HTTP client and request timeout. */
  public AgsClient(HttpClient http, GradeTokens tokens, Duration timeout, Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * The course's line items with this tag (and this resource id when not empty), every page read.
   * The filters are sent as query parameters and applied again here (some platforms ignore them).
   */
  public List<LineItem> lineItems(
      CourseGradebook gradebook, String resourceId, String tag, Set<String> scopes) {
    Map<String, String> filters = new LinkedHashMap<>();
    if (!resourceId.isEmpty()) {
      filters.put("resource_id", resourceId);
    }
    filters.put("tag", tag);
    URI page = ServiceUrls.withParameters(gradebook.lineItems(), filters);
    List<LineItem> found = new ArrayList<>();
    for (LineItem item :
        pages(gradebook, scopes, page, Ags.LINE_ITEM_CONTAINER, LineItem[].class)) {
      if (tag.equals(item.tag)
          && (resourceId.isEmpty() || resourceId.equals(item.resourceId))
          && item.id != null) {
        found.add(item);
      }
    }
    return found;
  }

  /** Creates this line item in the course; answers it as the platform stored it (with its id). */
  public LineItem create(CourseGradebook gradebook, LineItem item, Set<String> scopes) {
    String body = write(item);
    HttpResponse<String> r =
        exchange(
            gradebook,
            scopes,
            token ->
                request(gradebook.lineItems(), token)
                    .header("Accept", Ags.LINE_ITEM)
                    .header("Content-Type", Ags.LINE_ITEM)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
    LineItem created = read(r, LineItem.class);
    if (created.id == null) {
      throw GradebookException.later(
          "the platform created a line item without an id at " + host(gradebook.lineItems()),
          r.statusCode(),
          null);
    }
    return created;
  }

  /**
   * Posts a score to a line item ({@code <lineitem>/scores}, query kept).
   *
   * @return the HTTP status (any 2xx)
   * @throws GradebookException when it was not accepted; status 404 means the line item is gone
   */
  public int postScore(CourseGradebook gradebook, URI lineItem, Score score, Set<String> scopes) {
    URI scores = ServiceUrls.withSegment(lineItem, "scores");
    String body = write(score.json());
    return exchange(
            gradebook,
            scopes,
            token ->
                request(scores, token)
                    .header("Content-Type", Ags.SCORE)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build())
        .statusCode();
  }

  /** The line item's results ({@code <lineitem>/results}, query kept), every page read. */
  public List<Result> results(CourseGradebook gradebook, URI lineItem, Set<String> scopes) {
    URI first = ServiceUrls.withSegment(lineItem, "results");
    return pages(gradebook, scopes, first, Ags.RESULT_CONTAINER, Result[].class);
  }

  private <T> List<T> pages(
      CourseGradebook gradebook, Set<String> scopes, URI first, String accept, Class<T[]> type) {
    List<T> all = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    URI page = first;
    while (page != null && seen.add(page) && seen.size() <= MAX_PAGES) {
      URI current = page;
      HttpResponse<String> r =
          exchange(
              gradebook,
              scopes,
              token -> request(current, token).header("Accept", accept).GET().build());
      all.addAll(List.of(read(r, type)));
      List<URI> next = ServiceUrls.next(current, r.headers().allValues("Link"));
      page = next.isEmpty() ? null : next.get(0);
    }
    return all;
  }

  private HttpRequest.Builder request(URI url, String token) {
    return HttpRequest.newBuilder(url).timeout(timeout).header("Authorization", "Bearer " + token);
  }

  /**
   * Sends with a token; on 401 forgets it and tries once more with a new one; checks the status.
   */
  private HttpResponse<String> exchange(
      CourseGradebook gradebook, Set<String> scopes, Function<String, HttpRequest> request) {
    HttpResponse<String> r = send(request.apply(tokens.token(gradebook, scopes)));
    if (r.statusCode() == 401) {
      LOG.debug("AGS 401 from {}: new token", host(r.uri()));
      tokens.forget(gradebook, scopes);
      r = send(request.apply(tokens.token(gradebook, scopes)));
    }
    int status = r.statusCode();
    if (status >= 200 && status < 300) {
      return r;
    }
    String what = r.request().method() + " " + host(r.uri()) + " answered " + status;
    if (status == 401 || status == 408 || status == 409 || status == 429 || status >= 500) {
      throw GradebookException.later(what, status, retryAfter(r));
    }
    throw GradebookException.refused(what, status, shorten(r.body()));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw GradebookException.later(
          request.method() + " " + host(request.uri()) + " failed: " + e.getClass().getSimpleName(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw GradebookException.later("interrupted", e);
    }
  }

  private @Nullable Duration retryAfter(HttpResponse<String> r) {
    Optional<String> value = r.headers().firstValue("Retry-After").map(String::trim);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.get())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private <T> T read(HttpResponse<String> r, Class<T> type) {
    try {
      return json.readValue(r.body(), type);
    } catch (IOException e) {
      throw GradebookException.refused(
          "unreadable answer from " + host(r.uri()), r.statusCode(), shorten(r.body()));
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The platform's answer as text that helps: tags dropped, spaces collapsed, bounded. */
  static String shorten(@Nullable String body) {
    if (body == null) {
      return "";
    }
    String text = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ");
    text = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    return text.length() <= ANSWER_LENGTH ? text : text.substring(0, ANSWER_LENGTH - 1) + "…";
  }

  private static String host(URI url) {
    return url.getHost() == null ? "?" : url.getHost();
  }
}
