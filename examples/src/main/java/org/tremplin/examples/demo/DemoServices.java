package org.tremplin.examples.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The demo LMS's LTI Advantage services for its course, under {@code
 * <base>demo/courses/<context>/}: Names and Role Provisioning 2.0 ({@code memberships}: the
 * learners, trainer and coach, {@value #DEFAULT_LIMIT} a page by default, the next page in a {@code
 * Link: <…>; rel="next"} header) and Assignment and Grade Services 2.0 ({@code lineitems}: the
 * container with its {@code resource_id}, {@code resource_link_id} and {@code tag} filters and
 * paging, each line item read, replaced or deleted, its {@code scores} posted and its {@code
 * results} read). Strict as a platform may be: each call needs a bearer token of {@link DemoTokens}
 * with the right scope (401, else 403), each response type must be asked for by name in {@code
 * Accept} (406) and each body sent with its media type (415); bad bodies get a 400 with what is
 * wrong. Thread-safe.
 */
@Path("demo/courses/{context}")
public final class DemoServices {
  /** NRPS membership container. */
  static final String MEMBERSHIPS_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

  /** AGS line item. */
  static final String LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";

  /** AGS line item container. */
  static final String LINEITEMS_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";

  /** AGS score. */
  static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";

  /** AGS result container. */
  static final String RESULTS_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";

  /** Members or line items per page when the tool gives no {@code limit}. */
  static final int DEFAULT_LIMIT = 5;

  private static final int MAX_LIMIT = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ACTIVITY_PROGRESS =
      Set.of("Initialized", "Started", "InProgress", "Submitted", "Completed");
  private static final Set<String> GRADING_PROGRESS =
      Set.of("FullyGraded", "Pending", "PendingManual", "Failed", "NotReady");

  private final DemoPlatform platform;
  private final DemoRoster roster;
  private final DemoGradebook gradebook;
  private final DemoTokens tokens;
  private final Clock clock;
  private final Object reads = new Object();
  private int rosterReads;

  DemoServices(
      DemoPlatform platform,
      DemoRoster roster,
      DemoGradebook gradebook,
      DemoTokens tokens,
      Clock clock) {
    this.platform = platform;
    this.roster = roster;
    this.gradebook = gradebook;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** NRPS: the course's members, a page at a time. */
  @GET
  @Path("memberships")
  public Response memberships(
      @PathParam("context") String context, @Context HttpHeaders headers, @Context UriInfo uri) {
    Optional<Response> refused =
        check(context, headers, Set.of(DemoTokens.MEMBERSHIPS), MEMBERSHIPS_TYPE);
    if (refused.isPresent()) {
      return refused.get();
    }
    String role = uri.getQueryParameters().getFirst("role");
    List<Map<String, Object>> members = new ArrayList<>();
    List<DemoUser> everyone = new ArrayList<>(roster.learners());
    everyone.add(roster.trainer());
    everyone.add(roster.coach());
    for (DemoUser u : everyone) {
      String ltiRole = u.role().ltiRole();
      if (role != null && !(ltiRole.equals(role) || ltiRole.endsWith("#" + role))) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", roster.inactive().contains(u.sub()) ? "Inactive" : "Active");
      m.put("name", u.name());
      m.put("given_name", u.givenName());
      m.put("family_name", u.familyName());
      m.put("user_id", u.sub());
      m.put("roles", List.of(ltiRole));
      members.add(m);
    }
    Page<Map<String, Object>> page = page(members, uri);
    if (page.error().isPresent()) {
      return page.error().get();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", uri.getRequestUri().toString());
    body.put(
        "context",
        Map.of(
            "id", context,
            "label", DemoPlatform.CONTEXT_LABEL,
            "title", DemoPlatform.CONTEXT_TITLE));
    body.put("members", page.items());
    synchronized (reads) {
      rosterReads++;
      reads.notifyAll();
    }
    return page.link(json(200, MEMBERSHIPS_TYPE, body), uri).build();
  }

  /** How many pages of memberships the tool has read. */
  public int rosterReads() {
    synchronized (reads) {
      return rosterReads;
    }
  }

  /**
   * Waits until the tool has read more than {@code already} pages of memberships, at most {@code
   * timeout}; whether it did.
   */
  public boolean awaitRosterRead(int already, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (reads) {
      while (rosterReads <= already) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        reads.wait(Math.max(1, Duration.ofNanos(left).toMillis()));
      }
      return true;
    }
  }

  /** AGS: the course's line items, filtered, a page at a time. */
  @GET
  @Path("lineitems")
  public Response lineItems(
      @PathParam("context") String context, @Context HttpHeaders headers, @Context UriInfo uri) {
    Optional<Response> refused =
        check(
            context,
            headers,
            Set.of(DemoTokens.LINEITEM, DemoTokens.LINEITEM_READONLY),
            LINEITEMS_TYPE);
    if (refused.isPresent()) {
      return refused.get();
    }
    var q = uri.getQueryParameters();
    List<Map<String, Object>> items =
        gradebook
            .lineItems(q.getFirst("resource_id"), q.getFirst("resource_link_id"), q.getFirst("tag"))
            .stream()
            .map(i -> lineItemJson(context, i))
            .toList();
    Page<Map<String, Object>> page = page(items, uri);
    if (page.error().isPresent()) {
      return page.error().get();
    }
    return page.link(json(200, LINEITEMS_TYPE, page.items()), uri).build();
  }

  /** AGS: adds a line item to the course. */
  @POST
  @Path("lineitems")
  public Response createLineItem(
      @PathParam("context") String context, @Context HttpHeaders headers, String body) {
    Optional<Response> refused = check(context, headers, Set.of(DemoTokens.LINEITEM), null);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!sentAs(headers, LINEITEM_TYPE)) {
      return problem(415, "send the line item as " + LINEITEM_TYPE);
    }
    Fields f;
    try {
      f = lineItemFields(body);
    } catch (BadBody e) {
      return problem(400, e.getMessage());
    }
    if (!f.resourceLinkId().isEmpty() && gradebook.activity(f.resourceLinkId()).isEmpty()) {
      return problem(400, "resourceLinkId " + f.resourceLinkId() + " is not a link of the course");
    }
    DemoGradebook.LineItem item =
        gradebook.create(f.label(), f.scoreMaximum(), f.resourceId(), f.tag(), f.resourceLinkId());
    URI location = platform.lineItemUrl(context, item.id());
    return json(201, LINEITEM_TYPE, lineItemJson(context, item)).location(location).build();
  }

  /** AGS: one line item. */
  @GET
  @Path("lineitems/{id}")
  public Response lineItem(
      @PathParam("context") String context,
      @PathParam("id") String id,
      @Context HttpHeaders headers) {
    Optional<Response> refused =
        check(
            context,
            headers,
            Set.of(DemoTokens.LINEITEM, DemoTokens.LINEITEM_READONLY),
            LINEITEM_TYPE);
    if (refused.isPresent()) {
      return refused.get();
    }
    return gradebook
        .lineItem(id)
        .map(i -> json(200, LINEITEM_TYPE, lineItemJson(context, i)).build())
        .orElseGet(() -> problem(404, "no line item " + id));
  }

  /** AGS: replaces a line item's label, maximum, resource id and tag. */
  @PUT
  @Path("lineitems/{id}")
  public Response updateLineItem(
      @PathParam("context") String context,
      @PathParam("id") String id,
      @Context HttpHeaders headers,
      String body) {
    Optional<Response> refused = check(context, headers, Set.of(DemoTokens.LINEITEM), null);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!sentAs(headers, LINEITEM_TYPE)) {
      return problem(415, "send the line item as " + LINEITEM_TYPE);
    }
    Optional<DemoGradebook.LineItem> existing = gradebook.lineItem(id);
    if (existing.isEmpty()) {
      return problem(404, "no line item " + id);
    }
    Fields f;
    try {
      f = lineItemFields(body);
    } catch (BadBody e) {
      return problem(400, e.getMessage());
    }
    DemoGradebook.LineItem updated =
        gradebook
            .update(
                new DemoGradebook.LineItem(
                    id,
                    f.label(),
                    f.scoreMaximum(),
                    f.resourceId(),
                    f.tag(),
                    existing.get().resourceLinkId()))
            .orElseThrow();
    return json(200, LINEITEM_TYPE, lineItemJson(context, updated)).build();
  }

  /** AGS: deletes a line item and its scores. */
  @DELETE
  @Path("lineitems/{id}")
  public Response deleteLineItem(
      @PathParam("context") String context,
      @PathParam("id") String id,
      @Context HttpHeaders headers) {
    Optional<Response> refused = check(context, headers, Set.of(DemoTokens.LINEITEM), null);
    if (refused.isPresent()) {
      return refused.get();
    }
    return gradebook.delete(id) ? Response.noContent().build() : problem(404, "no line item " + id);
  }

  /** AGS: a score for one learner on a line item. */
  @POST
  @Path("lineitems/{id}/scores")
  public Response score(
      @PathParam("context") String context,
      @PathParam("id") String id,
      @Context HttpHeaders headers,
      String body) {
    Optional<Response> refused = check(context, headers, Set.of(DemoTokens.SCORE), null);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!sentAs(headers, SCORE_TYPE)) {
      return problem(415, "send the score as " + SCORE_TYPE);
    }
    if (gradebook.lineItem(id).isEmpty()) {
      return problem(404, "no line item " + id);
    }
    DemoGradebook.Score score;
    try {
      score = score(id, body);
    } catch (BadBody e) {
      return problem(400, e.getMessage());
    }
    return switch (gradebook.post(score)) {
      case STORED -> Response.noContent().build();
      case STALE ->
          problem(409, "timestamp is not after the last score of this user on this line item");
      case NO_LINE_ITEM -> problem(404, "no line item " + id);
    };
  }

  /** AGS: the current result of each learner with a score on a line item. */
  @GET
  @Path("lineitems/{id}/results")
  public Response results(
      @PathParam("context") String context,
      @PathParam("id") String id,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Optional<Response> refused =
        check(context, headers, Set.of(DemoTokens.RESULT_READONLY), RESULTS_TYPE);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (gradebook.lineItem(id).isEmpty()) {
      return problem(404, "no line item " + id);
    }
    String user = uri.getQueryParameters().getFirst("user_id");
    URI item = platform.lineItemUrl(context, id);
    List<Map<String, Object>> results = new ArrayList<>();
    List<String> users =
        gradebook.scores().stream()
            .filter(s -> s.lineItem().equals(id))
            .map(DemoGradebook.Score::userId)
            .distinct()
            .filter(u -> user == null || u.equals(user))
            .toList();
    for (String u : users) {
      DemoGradebook.Score s = gradebook.latest(id, u).orElseThrow();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", item + "/results/" + u);
      r.put("scoreOf", item.toString());
      r.put("userId", u);
      s.scoreGiven().ifPresent(v -> r.put("resultScore", v));
      s.scoreMaximum().ifPresent(v -> r.put("resultMaximum", v));
      if (!s.comment().isEmpty()) {
        r.put("comment", s.comment());
      }
      results.add(r);
    }
    Page<Map<String, Object>> page = page(results, uri);
    if (page.error().isPresent()) {
      return page.error().get();
    }
    return page.link(json(200, RESULTS_TYPE, page.items()), uri).build();
  }

  /**
   * The refusal of a call, if any: unknown course (404), no or bad token (401), a token without any
   * of {@code scopes} (403), a response type not asked for by name (406).
   */
  private Optional<Response> check(
      String context, HttpHeaders headers, Set<String> scopes, @Nullable String produces) {
    if (!context.equals(roster.contextId())) {
      return Optional.of(problem(404, "no course " + context));
    }
    Optional<Set<String>> granted =
        tokens.scopes(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (granted.isEmpty()) {
      return Optional.of(
          Response.status(401)
              .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(json(Map.of("error", "invalid_token")))
              .build());
    }
    if (granted.get().stream().noneMatch(scopes::contains)) {
      return Optional.of(
          Response.status(403)
              .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  json(Map.of("error", "insufficient_scope", "scope", String.join(" ", scopes))))
              .build());
    }
    if (produces != null) {
      MediaType wanted = MediaType.valueOf(produces);
      boolean named =
          headers.getAcceptableMediaTypes().stream()
              .anyMatch(
                  m ->
                      m.getType().equalsIgnoreCase(wanted.getType())
                          && m.getSubtype().equalsIgnoreCase(wanted.getSubtype()));
      if (!named) {
        return Optional.of(problem(406, "ask for " + produces + " in Accept"));
      }
    }
    return Optional.empty();
  }

  private static boolean sentAs(HttpHeaders headers, String type) {
    MediaType sent = headers.getMediaType();
    MediaType wanted = MediaType.valueOf(type);
    return sent != null
        && sent.getType().equalsIgnoreCase(wanted.getType())
        && sent.getSubtype().equalsIgnoreCase(wanted.getSubtype());
  }

  private Map<String, Object> lineItemJson(String context, DemoGradebook.LineItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", platform.lineItemUrl(context, i.id()).toString());
    m.put("label", i.label());
    m.put("scoreMaximum", i.scoreMaximum());
    if (!i.resourceId().isEmpty()) {
      m.put("resourceId", i.resourceId());
    }
    if (!i.tag().isEmpty()) {
      m.put("tag", i.tag());
    }
    if (!i.resourceLinkId().isEmpty()) {
      m.put("resourceLinkId", i.resourceLinkId());
    }
    return m;
  }

  /** A line item's fields from a request body. */
  private record Fields(
      String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {}

  private static Fields lineItemFields(String body) throws BadBody {
    JsonNode n = object(body);
    String label = text(n, "label");
    if (label.isBlank()) {
      throw new BadBody("label is required");
    }
    JsonNode max = n.get("scoreMaximum");
    if (max == null || !max.isNumber() || !(max.asDouble() > 0)) {
      throw new BadBody("scoreMaximum must be a number > 0");
    }
    return new Fields(
        label, max.asDouble(), text(n, "resourceId"), text(n, "tag"), text(n, "resourceLinkId"));
  }

  private DemoGradebook.Score score(String lineItem, String body) throws BadBody {
    JsonNode n = object(body);
    String user = text(n, "userId");
    if (user.isEmpty() || roster.find(user).isEmpty()) {
      throw new BadBody("userId is not a member of the course");
    }
    Instant timestamp;
    try {
      timestamp = OffsetDateTime.parse(text(n, "timestamp")).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadBody("timestamp must be an ISO-8601 date-time with an offset");
    }
    String activity = text(n, "activityProgress");
    if (!ACTIVITY_PROGRESS.contains(activity)) {
      throw new BadBody("activityProgress must be one of " + ACTIVITY_PROGRESS);
    }
    String grading = text(n, "gradingProgress");
    if (!GRADING_PROGRESS.contains(grading)) {
      throw new BadBody("gradingProgress must be one of " + GRADING_PROGRESS);
    }
    Optional<Double> given = number(n, "scoreGiven");
    Optional<Double> maximum = number(n, "scoreMaximum");
    if (given.isPresent() && (given.get() < 0 || maximum.isEmpty() || !(maximum.get() > 0))) {
      throw new BadBody("scoreGiven needs scoreGiven >= 0 and scoreMaximum > 0");
    }
    return new DemoGradebook.Score(
        lineItem,
        user,
        given,
        maximum,
        text(n, "comment"),
        activity,
        grading,
        timestamp,
        clock.instant());
  }

  private static JsonNode object(String body) throws BadBody {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) {
        throw new BadBody("the body is not a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new BadBody("the body is not JSON");
    }
  }

  private static String text(JsonNode n, String field) throws BadBody {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new BadBody(field + " must be a string");
    }
    return v.asText();
  }

  private static Optional<Double> number(JsonNode n, String field) throws BadBody {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isNumber()) {
      throw new BadBody(field + " must be a number");
    }
    return Optional.of(v.asDouble());
  }

  /** One page of a list, or the 400 of a bad {@code limit} or {@code page}. */
  private record Page<T>(
      List<T> items, boolean hasNext, int number, int limit, Optional<Response> error) {
    Response.ResponseBuilder link(Response.ResponseBuilder response, UriInfo uri) {
      if (hasNext) {
        URI next =
            UriBuilder.fromUri(uri.getRequestUri())
                .replaceQueryParam("page", number + 1)
                .replaceQueryParam("limit", limit)
                .build();
        response.header("Link", "<" + next + ">; rel=\"next\"");
      }
      return response;
    }
  }

  private static <T> Page<T> page(List<T> all, UriInfo uri) {
    int limit;
    int number;
    try {
      String l = uri.getQueryParameters().getFirst("limit");
      String p = uri.getQueryParameters().getFirst("page");
      limit = l == null ? DEFAULT_LIMIT : Integer.parseInt(l);
      number = p == null ? 1 : Integer.parseInt(p);
    } catch (NumberFormatException e) {
      return new Page<>(
          List.of(),
          false,
          1,
          DEFAULT_LIMIT,
          Optional.of(problem(400, "limit and page are positive integers")));
    }
    if (limit < 1 || limit > MAX_LIMIT || number < 1) {
      return new Page<>(
          List.of(),
          false,
          1,
          DEFAULT_LIMIT,
          Optional.of(problem(400, "limit is 1 to " + MAX_LIMIT + ", page from 1")));
    }
    int from = Math.min(all.size(), (number - 1) * limit);
    int to = Math.min(all.size(), from + limit);
    return new Page<>(all.subList(from, to), to < all.size(), number, limit, Optional.empty());
  }

  private static Response.ResponseBuilder json(int status, String type, Object body) {
    return Response.status(status)
        .type(MediaType.valueOf(type))
        .header("Cache-Control", "no-store")
        .entity(json(body));
  }

  private static Response problem(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(json(Map.of("error", message)))
        .build();
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A request body that is not what the service takes. */
  private static final class BadBody extends Exception {
    private static final long serialVersionUID = 1L;

    BadBody(String message) {
      super(message);
    }
  }
}
