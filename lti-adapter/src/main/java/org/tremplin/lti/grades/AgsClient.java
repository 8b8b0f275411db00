package org.tremplin.lti.grades;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
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
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.services.ServiceResponse;
import org.tremplin.lti.services.ServiceTokens;
import org.tsugi.ags2.objects.LineItem;
import org.tsugi.ags2.objects.Result;

/**
 * Speaks AGS 2.0 to a platform over HTTP (LTI.md §5): line items (found across all pages, created),
 * scores, results. Every request carries a bearer token from {@link ServiceTokens} (one per
 * platform and scope set for its lifetime; a 401 drops it and tries once more with a new one) and
 * the exact media types. Failures are {@link GradebookException}s: 409, 429 (with its {@code
 * Retry-After}), 408, 5xx, network errors and a second 401 are worth retrying; any other 4xx is a
 * refusal carrying the platform's answer. Requests are bounded in time (well below the outbox
 * lease). Thread-safe.
 */
public final class AgsClient {
  private static final int MAX_PAGES = 1000;
  private static final int ANSWER_LENGTH = 500;

  private final ServiceTokens tokens;
  private final Clock clock;
  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Sending with these service tokens (their HTTP client and timeouts). */
  public AgsClient(ServiceTokens tokens, Clock clock) {
    this.tokens = TremplinException.required(tokens, "tokens");
    this.clock = TremplinException.required(clock, "clock");
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
    ServiceResponse r =
        exchange(
            gradebook,
            scopes,
            HttpRequest.newBuilder(gradebook.lineItems())
                .header("Accept", Ags.LINE_ITEM)
                .header("Content-Type", Ags.LINE_ITEM)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    LineItem created = read(r, LineItem.class);
    if (created.id == null) {
      throw GradebookException.later(
          "the platform created a line item without an id at " + host(gradebook.lineItems()),
          r.status(),
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
            HttpRequest.newBuilder(scores)
                .header("Content-Type", Ags.SCORE)
                .POST(HttpRequest.BodyPublishers.ofString(body)))
        .status();
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
      ServiceResponse r =
          exchange(
              gradebook, scopes, HttpRequest.newBuilder(current).header("Accept", accept).GET());
      all.addAll(List.of(read(r, type)));
      List<URI> next = ServiceUrls.next(current, r.headers("Link"));
      page = next.isEmpty() ? null : next.get(0);
    }
    return all;
  }

  /**
   * Sends with a token (a 401 drops it and tries once more with a new one, in {@link
   * ServiceTokens#send}) and sorts the status: 2xx answered, the rest thrown.
   */
  private ServiceResponse exchange(
      CourseGradebook gradebook, Set<String> scopes, HttpRequest.Builder request) {
    ServiceResponse r;
    try {
      r = tokens.send(gradebook.registration(), scopes, request);
    } catch (LtiException e) {
      // unreachable, a token refused, 401 twice, an answer too large: all worth trying later
      throw GradebookException.later(e.getMessage(), e);
    }
    int status = r.status();
    if (r.successful()) {
      return r;
    }
    String what = host(r.uri()) + " answered " + status;
    if (status == 401 || status == 408 || status == 409 || status == 429 || status >= 500) {
      throw GradebookException.later(what, status, retryAfter(r));
    }
    throw GradebookException.refused(what, status, r.shortBody(ANSWER_LENGTH));
  }

  private @Nullable Duration retryAfter(ServiceResponse r) {
    Optional<String> value = r.header("Retry-After").map(String::trim);
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

  private <T> T read(ServiceResponse r, Class<T> type) {
    try {
      return json.readValue(r.body(), type);
    } catch (IOException e) {
      throw GradebookException.refused(
          "unreadable answer from " + host(r.uri()), r.status(), r.shortBody(ANSWER_LENGTH));
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static String host(URI url) {
    return url.getHost() == null ? "?" : url.getHost();
  }
}
