package org.tremplin.testing;

import com.nimbusds.jose.shaded.gson.Gson;
import com.nimbusds.jose.shaded.gson.JsonObject;
import com.nimbusds.jose.shaded.gson.JsonParseException;
import com.nimbusds.jose.shaded.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A platform's gradebook (LTI Assignment and Grade Services 2.0) on a {@link SimulatedLms}, as
 * strict as the spec and shaped like Moodle's, beside a {@link PlatformServices} (its token
 * endpoint checks the client assertions and issues the bearer tokens checked here for scope):
 * services under {@code /mod/lti/services.php/<course>/lineitems} whose URLs carry {@code
 * ?type_id=7} (refused without it), with exact media types, pages joined by {@code Link: <…>;
 * rel=“next”} (Moodle's typographic quotes), and a score refused with 409 unless its timestamp
 * (with sub-second precision) is in a later second than the previous one of its line item and user
 * (Moodle compares seconds). Every request it refused for a reason a correct tool never gives is
 * kept in {@link #violations()}.
 *
 * <p>Faults on demand: {@link #outage} (every request answers 503), {@link #answerScores} (the next
 * score posts answer a status, e.g. 429 with {@code Retry-After}), {@link #expireTokens} (the
 * tokens issued so far answer 401). No Tremplin type. Thread-safe.
 */
public final class FakeGradebook {
  /** Moodle's tool type id, carried by every service URL. */
  public static final String TYPE_ID = "7";

  /** Every AGS scope (what the fixture's course claims). */
  public static final Set<String> ALL_SCOPES =
      Set.of(
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly");

  private static final String SCOPE_LINEITEM =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
  private static final String SCOPE_LINEITEM_READ =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
  private static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
  private static final String SCOPE_RESULT =
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
  private static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
  private static final String CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  private static final String SCORE = "application/vnd.ims.lis.v1.score+json";
  private static final String RESULTS = "application/vnd.ims.lis.v2.resultcontainer+json";
  private static final Pattern PATH =
      Pattern.compile(
          "/mod/lti/services\\.php/([^/]+)/lineitems(?:/(\\d+)/lineitem(/scores|/results)?)?");
  private static final Pattern FRACTION = Pattern.compile("T\\d{2}:\\d{2}:\\d{2}\\.\\d+");
  private static final Set<String> ACTIVITY =
      Set.of("Initialized", "Started", "InProgress", "Submitted", "Completed");
  private static final Set<String> GRADING =
      Set.of("FullyGraded", "Pending", "PendingManual", "Failed", "NotReady");

  /**
   * A score the gradebook accepted.
   *
   * @param lineItem the line item's URL (query included)
   * @param userId the platform user
   * @param scoreGiven the score
   * @param scoreMaximum its maximum
   * @param activityProgress as sent
   * @param gradingProgress as sent
   * @param timestamp as sent
   * @param rawTimestamp the timestamp's text, as sent
   */
  public record ReceivedScore(
      String lineItem,
      String userId,
      double scoreGiven,
      double scoreMaximum,
      String activityProgress,
      String gradingProgress,
      Instant timestamp,
      String rawTimestamp) {}

  /**
   * A gradebook column.
   *
   * @param id its URL
   * @param label its label
   * @param resourceId its resource id (may be empty)
   * @param tag its tag (may be empty)
   * @param scoreMaximum its maximum
   * @param resourceLinkId the activity (resource link) it belongs to; empty for a free-standing
   *     column
   */
  public record Column(
      String id,
      String label,
      String resourceId,
      String tag,
      double scoreMaximum,
      String resourceLinkId) {}

  private record Canned(int status, @Nullable String retryAfter, @Nullable String body) {}

  private final SimulatedLms lms;
  private final PlatformServices services;
  private final Gson gson = new Gson();
  private final Object lock = new Object();
  // all guarded by lock
  private final Map<String, List<Column>> columns = new LinkedHashMap<>();
  private final List<ReceivedScore> scores = new ArrayList<>();
  private final Map<String, Instant> lastStamps = new HashMap<>(); // lineItem|user -> last stamp
  private boolean keepScores = true;
  private int accepted;
  private final Map<String, Double[]> grades = new HashMap<>(); // lineItem|user -> {score, max}
  private final List<String> violations = new ArrayList<>();
  private final Deque<Canned> canned = new ArrayDeque<>();
  private int pageSize = 10;
  private boolean outage;
  private boolean honourFilters = true;
  private int nextColumn = 1;
  private int serviceRequests;
  private int holdAfter = -1;
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /**
   * Serves a gradebook beside these platform services, whose token endpoint issues and checks the
   * bearer tokens.
   */
  public FakeGradebook(PlatformServices services) {
    this.services = services;
    this.lms = services.lms();
    lms.serve("/mod/lti/services.php/", this::service);
  }

  /** The token URL (the registration's). */
  public String tokenUrl() {
    return services.tokenUrl();
  }

  /** The line item container of a course, as Moodle's AGS claim gives it ({@code ?type_id=7}). */
  public String lineItemsUrl(String course) {
    return lms.url("/mod/lti/services.php/" + course + "/lineitems?type_id=" + TYPE_ID);
  }

  /** How many line items (or results) one page holds. */
  public void pageSize(int size) {
    synchronized (lock) {
      pageSize = size;
    }
  }

  /**
   * Whether the container honours the {@code resource_id} and {@code tag} filters (default yes).
   */
  public void honourFilters(boolean honour) {
    synchronized (lock) {
      honourFilters = honour;
    }
  }

  /** Every request answers 503 (tokens included) while down. */
  public void outage(boolean down) {
    synchronized (lock) {
      outage = down;
      services.refuseTokens(down ? 503 : 0);
    }
  }

  /** The next {@code times} score posts answer this status (with this Retry-After, if any). */
  public void answerScores(int status, int times, @Nullable String retryAfter) {
    synchronized (lock) {
      for (int i = 0; i < times; i++) {
        canned.add(new Canned(status, retryAfter, null));
      }
    }
  }

  /** The next score post answers this status with this body (as HTML), e.g. a hostile answer. */
  public void answerScore(int status, String body) {
    synchronized (lock) {
      canned.add(new Canned(status, null, body));
    }
  }

  /** The tokens issued so far answer 401 from now on. */
  public void expireTokens() {
    services.revokeIssuedTokens();
  }

  /**
   * Once {@code accepted} scores are in, the next score posts are held (no answer) until {@link
   * #release}, then answered 503 and not recorded: a tool node can be killed while sending.
   */
  public void holdScoresAfter(int accepted) {
    synchronized (lock) {
      holdAfter = accepted;
    }
  }

  /** Waits until a score post is held; false if none was within this time. */
  public boolean awaitHeld(Duration within) throws InterruptedException {
    return holding.await(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Answers the held score posts (503) and holds no more. */
  public void release() {
    synchronized (lock) {
      holdAfter = -1;
    }
    released.countDown();
  }

  /** Adds a column to a course (as deep linking or a teacher would); answers its URL. */
  public String addColumn(String course, String label, String resourceId, String tag, double max) {
    synchronized (lock) {
      return addColumnLocked(course, label, resourceId, tag, max, "").id();
    }
  }

  /**
   * A column the platform created for a placed activity (a deep-linked resource link with a line
   * item), as Moodle does when the deep linking response arrives; returns its URL.
   */
  public String addActivityColumn(
      String course, String label, String resourceId, String tag, double max, String link) {
    synchronized (lock) {
      return addColumnLocked(course, label, resourceId, tag, max, link).id();
    }
  }

  /** A teacher's grade typed in the gradebook (what the results service then shows). */
  public void grade(String lineItem, String userId, double score, double max) {
    synchronized (lock) {
      grades.put(lineItem + "|" + userId, new Double[] {score, max});
    }
  }

  /** The course's columns, in creation order. */
  public List<Column> columns(String course) {
    synchronized (lock) {
      return List.copyOf(columns.getOrDefault(course, List.of()));
    }
  }

  /** Every score accepted, in arrival order. */
  public List<ReceivedScore> scores() {
    synchronized (lock) {
      return List.copyOf(scores);
    }
  }

  /**
   * Stops keeping each accepted score (for a benchmark whose heap must be Tremplin's alone): only
   * the number accepted and the last timestamp of each line item and user are kept, so {@link
   * #scores()} stays empty from now on and {@link #accepted()} counts.
   */
  public void countOnly() {
    synchronized (lock) {
      keepScores = false;
      scores.clear();
    }
  }

  /** Scores accepted so far, kept or not. */
  public int accepted() {
    synchronized (lock) {
      return accepted;
    }
  }

  /** Requests that reached the token endpoint. */
  public int tokenRequests() {
    return services.tokenRequests();
  }

  /** Service requests received (tokens excluded). */
  public int serviceRequests() {
    synchronized (lock) {
      return serviceRequests;
    }
  }

  /**
   * What a correct tool never sends, refused and noted here (the token endpoint's refusals
   * included); empty when all was right.
   */
  public List<String> violations() {
    List<String> all = new ArrayList<>();
    services.refusals().stream()
        .filter(r -> r != PlatformServices.Refusal.FORCED) // an outage asked for
        .forEach(r -> all.add("token refused: " + r));
    synchronized (lock) {
      all.addAll(violations);
    }
    return all;
  }

  private Column addColumnLocked(
      String course, String label, String resourceId, String tag, double max, String link) {
    String id =
        lms.url(
            "/mod/lti/services.php/"
                + course
                + "/lineitems/"
                + nextColumn++
                + "/lineitem?type_id="
                + TYPE_ID);
    Column c = new Column(id, label, resourceId, tag, max, link);
    columns.computeIfAbsent(course, k -> new ArrayList<>()).add(c);
    return c;
  }

  private void service(HttpExchange x) throws IOException {
    byte[] raw = x.getRequestBody().readAllBytes();
    URI uri = x.getRequestURI();
    String method = x.getRequestMethod();
    synchronized (lock) {
      serviceRequests++;
      if (outage) {
        answer(x, 503, "text/html", "<html><body>Service unavailable</body></html>");
        return;
      }
    }
    Matcher m = PATH.matcher(uri.getRawPath());
    if (!m.matches()) {
      refuse(x, 404, "no such service path " + uri.getRawPath());
      return;
    }
    if (!TYPE_ID.equals(Forms.query(uri).get("type_id"))) {
      refuse(x, 400, "service URL without type_id: " + uri);
      return;
    }
    String course = m.group(1);
    String item = m.group(2);
    String sub = m.group(3);
    if (item == null && "GET".equals(method)) {
      if (needs(x, SCOPE_LINEITEM, SCOPE_LINEITEM_READ) && accepts(x, CONTAINER)) {
        listColumns(x, course, uri);
      }
    } else if (item == null && "POST".equals(method)) {
      if (needs(x, SCOPE_LINEITEM) && sends(x, LINE_ITEM)) {
        createColumn(x, course, raw);
      }
    } else if ("/scores".equals(sub) && "POST".equals(method)) {
      if (needs(x, SCOPE_SCORE) && sends(x, SCORE)) {
        score(x, course, item, raw);
      }
    } else if ("/results".equals(sub) && "GET".equals(method)) {
      if (needs(x, SCOPE_RESULT) && accepts(x, RESULTS)) {
        results(x, course, item, uri);
      }
    } else {
      refuse(x, 405, method + " " + uri.getRawPath());
    }
  }

  private boolean needs(HttpExchange x, String... anyOf) throws IOException {
    if (services.authorized(x, anyOf)) {
      return true;
    }
    if (x.getResponseCode() == 403) {
      synchronized (lock) {
        violations.add("token lacks the scope for " + x.getRequestURI().getRawPath());
      }
    }
    return false;
  }

  private boolean accepts(HttpExchange x, String type) throws IOException {
    String accept = x.getRequestHeaders().getFirst("Accept");
    if (accept == null || !accept.contains(type)) {
      refuse(x, 406, "Accept is " + accept + ", not " + type);
      return false;
    }
    return true;
  }

  private boolean sends(HttpExchange x, String type) throws IOException {
    String contentType = x.getRequestHeaders().getFirst("Content-Type");
    if (!type.equals(contentType)) {
      refuse(x, 415, "Content-Type is " + contentType + ", not " + type);
      return false;
    }
    return true;
  }

  private void listColumns(HttpExchange x, String course, URI uri) throws IOException {
    Map<String, String> q = Forms.query(uri);
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    List<Column> matching = new ArrayList<>();
    int size;
    synchronized (lock) {
      size = pageSize;
      for (Column c : columns.getOrDefault(course, List.of())) {
        boolean keep =
            !honourFilters
                || (c.resourceId().equals(q.getOrDefault("resource_id", c.resourceId()))
                    && c.tag().equals(q.getOrDefault("tag", c.tag())));
        if (keep) {
          matching.add(c);
        }
      }
    }
    int from = Math.min((page - 1) * size, matching.size());
    int to = Math.min(from + size, matching.size());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Column c : matching.subList(from, to)) {
      out.add(columnJson(c));
    }
    if (to < matching.size()) {
      String next = uri.getRawPath() + "?" + withPage(uri.getRawQuery(), page + 1);
      // Moodle's typographic quotes, as the UTF-8 bytes it sends (headers are written as Latin-1)
      String quoted =
          new String(
              "rel=\u201cnext\u201d".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      x.getResponseHeaders().add("Link", "<" + lms.url(next) + ">; " + quoted);
    }
    answer(x, 200, CONTAINER, gson.toJson(out));
  }

  private static String withPage(String rawQuery, int page) {
    StringBuilder b = new StringBuilder();
    for (String pair : rawQuery.split("&")) {
      if (!pair.startsWith("page=")) {
        b.append(b.length() == 0 ? "" : "&").append(pair);
      }
    }
    return b.append("&page=").append(page).toString();
  }

  private static Map<String, Object> columnJson(Column c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", c.id());
    o.put("label", c.label());
    o.put("scoreMaximum", c.scoreMaximum());
    if (!c.resourceId().isEmpty()) {
      o.put("resourceId", c.resourceId());
    }
    if (!c.tag().isEmpty()) {
      o.put("tag", c.tag());
    }
    if (!c.resourceLinkId().isEmpty()) {
      o.put("resourceLinkId", c.resourceLinkId());
    }
    return o;
  }

  private void createColumn(HttpExchange x, String course, byte[] raw) throws IOException {
    JsonObject o = json(x, raw);
    if (o == null) {
      return;
    }
    if (!o.has("label") || !o.has("scoreMaximum") || o.get("scoreMaximum").getAsDouble() <= 0) {
      refuse(x, 400, "line item without label or positive scoreMaximum");
      return;
    }
    Column c;
    synchronized (lock) {
      c =
          addColumnLocked(
              course,
              o.get("label").getAsString(),
              o.has("resourceId") ? o.get("resourceId").getAsString() : "",
              o.has("tag") ? o.get("tag").getAsString() : "",
              o.get("scoreMaximum").getAsDouble(),
              "");
    }
    answer(x, 201, LINE_ITEM, gson.toJson(columnJson(c)));
  }

  private @Nullable Column column(String course, String item) {
    synchronized (lock) {
      for (Column c : columns.getOrDefault(course, List.of())) {
        if (c.id().contains("/lineitems/" + item + "/lineitem?")) {
          return c;
        }
      }
      return null;
    }
  }

  private void score(HttpExchange x, String course, String item, byte[] raw) throws IOException {
    Column c = column(course, item);
    if (c == null) {
      answer(x, 404, "application/json", "{\"error\":\"no such line item\"}");
      return;
    }
    boolean hold;
    synchronized (lock) {
      hold = holdAfter >= 0 && accepted >= holdAfter;
    }
    if (hold) {
      holding.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(x, 503, "text/plain", "held");
      return;
    }
    synchronized (lock) {
      Canned next = canned.poll();
      if (next != null) {
        if (next.retryAfter() != null) {
          x.getResponseHeaders().add("Retry-After", next.retryAfter());
        }
        answer(
            x,
            next.status(),
            "text/html",
            next.body() != null ? next.body() : "<html><p>Answer " + next.status() + "</p></html>");
        return;
      }
    }
    JsonObject o = json(x, raw);
    if (o == null) {
      return;
    }
    String problem = checkScore(o);
    if (problem != null) {
      refuse(x, 400, problem);
      return;
    }
    String rawStamp = o.get("timestamp").getAsString();
    Instant stamp = OffsetDateTime.parse(rawStamp).toInstant();
    ReceivedScore s =
        new ReceivedScore(
            c.id(),
            o.get("userId").getAsString(),
            o.get("scoreGiven").getAsDouble(),
            o.get("scoreMaximum").getAsDouble(),
            o.get("activityProgress").getAsString(),
            o.get("gradingProgress").getAsString(),
            stamp,
            rawStamp);
    synchronized (lock) {
      String lane = s.lineItem() + "|" + s.userId();
      Instant last = lastStamps.get(lane);
      if (last != null && stamp.getEpochSecond() <= last.getEpochSecond()) {
        // Moodle: "Refusing score with an earlier timestamp" (it compares seconds)
        answer(x, 409, "text/plain", "Refusing score with an earlier timestamp for item");
        return;
      }
      lastStamps.put(lane, stamp);
      accepted++;
      if (keepScores) {
        scores.add(s);
      }
      grades.put(lane, new Double[] {s.scoreGiven(), s.scoreMaximum()});
    }
    answer(x, 200, "application/json", "{}");
  }

  private static @Nullable String checkScore(JsonObject o) {
    for (String member :
        List.of(
            "userId",
            "scoreGiven",
            "scoreMaximum",
            "activityProgress",
            "gradingProgress",
            "timestamp")) {
      if (!o.has(member) || o.get(member).isJsonNull()) {
        return "score without " + member;
      }
    }
    if (o.get("userId").getAsString().isEmpty()) {
      return "score with an empty userId";
    }
    if (o.get("scoreMaximum").getAsDouble() <= 0
        || o.get("scoreGiven").getAsDouble() < 0
        || o.get("scoreGiven").getAsDouble() > o.get("scoreMaximum").getAsDouble()) {
      return "score out of range";
    }
    if (!ACTIVITY.contains(o.get("activityProgress").getAsString())
        || !GRADING.contains(o.get("gradingProgress").getAsString())) {
      return "unknown progress value";
    }
    String stamp = o.get("timestamp").getAsString();
    if (!FRACTION.matcher(stamp).find()) {
      return "timestamp without sub-second precision: " + stamp;
    }
    try {
      OffsetDateTime.parse(stamp);
    } catch (DateTimeParseException e) {
      return "timestamp not ISO-8601 with an offset: " + stamp;
    }
    return null;
  }

  private void results(HttpExchange x, String course, String item, URI uri) throws IOException {
    Column c = column(course, item);
    if (c == null) {
      answer(x, 404, "application/json", "{\"error\":\"no such line item\"}");
      return;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    synchronized (lock) {
      Set<String> users = new LinkedHashSet<>();
      for (String key : grades.keySet()) {
        if (key.startsWith(c.id() + "|")) {
          users.add(key.substring(c.id().length() + 1));
        }
      }
      for (String user : new TreeSet<>(users)) {
        Double[] g = grades.get(c.id() + "|" + user);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", c.id().replace("?", "/results/" + user + "?"));
        r.put("scoreOf", c.id());
        r.put("userId", user);
        r.put("resultScore", g[0]);
        r.put("resultMaximum", g[1]);
        out.add(r);
      }
    }
    answer(x, 200, RESULTS, gson.toJson(out));
  }

  private @Nullable JsonObject json(HttpExchange x, byte[] raw) throws IOException {
    try {
      return JsonParser.parseString(new String(raw, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      refuse(x, 400, "body is not a JSON object");
      return null;
    }
  }

  private void refuse(HttpExchange x, int status, String why) throws IOException {
    synchronized (lock) {
      violations.add(why);
    }
    answer(x, status, "application/json", gson.toJson(Map.of("error", why)));
  }

  private static void answer(HttpExchange x, int status, String type, String body)
      throws IOException {
    SimulatedLms.respond(x, status, type, body.getBytes(StandardCharsets.UTF_8));
  }
}
