package org.tremplin.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.shaded.gson.Gson;
import com.nimbusds.jose.shaded.gson.JsonObject;
import com.nimbusds.jose.shaded.gson.JsonParseException;
import com.nimbusds.jose.shaded.gson.JsonParser;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A platform's gradebook (LTI Assignment and Grade Services 2.0) on a {@link SimulatedLms}, as
 * strict as the spec and shaped like Moodle's: a token endpoint ({@code /mod/lti/token.php}) that
 * checks the client assertion (RS256 with a known {@code kid}, signature, {@code iss} = {@code sub}
 * = client id, {@code aud} = exactly the token URL, lifetime at most 5 minutes, {@code jti} never
 * reused, scopes granted), and services under {@code /mod/lti/services.php/<course>/lineitems}
 * whose URLs carry {@code ?type_id=7} (refused without it), with exact media types, bearer tokens
 * checked for scope, pages joined by {@code Link: <…>; rel=“next”} (Moodle's typographic quotes),
 * and a score refused with 409 unless its timestamp (with sub-second precision) is in a later
 * second than the previous one of its line item and user (Moodle compares seconds). Every request
 * it refused for a reason a correct tool never gives is kept in {@link #violations()}.
 *
 * <p>Faults on demand: {@link #outage} (every request answers 503), {@link #answerScores} (the next
 * score posts answer a status, e.g. 429 with {@code Retry-After}), {@link #expireTokens} (the
 * tokens issued so far answer 401). No Tremplin type. Thread-safe.
 */
public final class FakeGradebook {
  /** Moodle's tool type id, carried by every service URL. */
  public static final String TYPE_ID = "7";

  /** The scopes granted unless {@link #grant} says otherwise. */
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
   */
  public record Column(
      String id, String label, String resourceId, String tag, double scoreMaximum) {}

  private record Token(Set<String> scopes, int generation) {}

  private record Canned(int status, @Nullable String retryAfter) {}

  private final SimulatedLms lms;
  private final String clientId;
  private final Supplier<JWKSet> toolKeys;
  private final Clock clock;
  private final Gson gson = new Gson();
  private final Object lock = new Object();
  // all guarded by lock
  private final Map<String, List<Column>> columns = new LinkedHashMap<>();
  private final List<ReceivedScore> scores = new ArrayList<>();
  private final Map<String, Double[]> grades = new HashMap<>(); // lineItem|user -> {score, max}
  private final Map<String, Token> tokens = new HashMap<>();
  private final Set<String> jtis = new HashSet<>();
  private final Map<String, Integer> tokenRequests = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();
  private final Deque<Canned> canned = new ArrayDeque<>();
  private Set<String> granted = ALL_SCOPES;
  private int generation;
  private int pageSize = 10;
  private boolean outage;
  private boolean honourFilters = true;
  private int nextColumn = 1;
  private int serviceRequests;

  /**
   * Serves a gradebook on this platform for a tool with this client id whose public keys are these
   * (asked at each token request), checking times against this clock.
   */
  public FakeGradebook(SimulatedLms lms, String clientId, Supplier<JWKSet> toolKeys, Clock clock) {
    this.lms = lms;
    this.clientId = clientId;
    this.toolKeys = toolKeys;
    this.clock = clock;
    lms.serve("/mod/lti/token.php", this::token);
    lms.serve("/mod/lti/services.php/", this::service);
  }

  /** The token URL (the registration's). */
  public String tokenUrl() {
    return lms.url("/mod/lti/token.php");
  }

  /** The line item container of a course, as Moodle's AGS claim gives it ({@code ?type_id=7}). */
  public String lineItemsUrl(String course) {
    return lms.url("/mod/lti/services.php/" + course + "/lineitems?type_id=" + TYPE_ID);
  }

  /** The scopes the platform grants from now on. */
  public void grant(Set<String> scopes) {
    synchronized (lock) {
      granted = Set.copyOf(scopes);
    }
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
    }
  }

  /** The next {@code times} score posts answer this status (with this Retry-After, if any). */
  public void answerScores(int status, int times, @Nullable String retryAfter) {
    synchronized (lock) {
      for (int i = 0; i < times; i++) {
        canned.add(new Canned(status, retryAfter));
      }
    }
  }

  /** The tokens issued so far answer 401 from now on. */
  public void expireTokens() {
    synchronized (lock) {
      generation++;
    }
  }

  /** Adds a column to a course (as deep linking or a teacher would); answers its URL. */
  public String addColumn(String course, String label, String resourceId, String tag, double max) {
    synchronized (lock) {
      return addColumnLocked(course, label, resourceId, tag, max).id();
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

  /** Token requests granted so far, by scope set (sorted, space-separated). */
  public Map<String, Integer> tokenRequests() {
    synchronized (lock) {
      return Map.copyOf(tokenRequests);
    }
  }

  /** Service requests received (tokens excluded). */
  public int serviceRequests() {
    synchronized (lock) {
      return serviceRequests;
    }
  }

  /** What a correct tool never sends, refused and noted here; empty when all was right. */
  public List<String> violations() {
    synchronized (lock) {
      return List.copyOf(violations);
    }
  }

  private Column addColumnLocked(
      String course, String label, String resourceId, String tag, double max) {
    String id =
        lms.url(
            "/mod/lti/services.php/"
                + course
                + "/lineitems/"
                + nextColumn++
                + "/lineitem?type_id="
                + TYPE_ID);
    Column c = new Column(id, label, resourceId, tag, max);
    columns.computeIfAbsent(course, k -> new ArrayList<>()).add(c);
    return c;
  }

  private void token(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (lock) {
      if (outage) {
        answer(x, 503, "text/html", "<html><body>Service unavailable</body></html>");
        return;
      }
    }
    if (!"POST".equals(x.getRequestMethod())) {
      refuse(x, 405, "token endpoint called with " + x.getRequestMethod());
      return;
    }
    Map<String, String> form = Forms.query(URI.create("http://x/?" + body));
    String problem = checkAssertion(form);
    if (problem != null) {
      refuse(x, 400, problem);
      return;
    }
    Set<String> asked = new TreeSet<>(Arrays.asList(form.getOrDefault("scope", "").split(" ")));
    asked.remove("");
    synchronized (lock) {
      if (asked.isEmpty() || !granted.containsAll(asked)) {
        violations.add("scope not granted: " + asked);
        answer(x, 400, "application/json", "{\"error\":\"invalid_scope\"}");
        return;
      }
      String token = UUID.randomUUID().toString();
      tokens.put(token, new Token(asked, generation));
      tokenRequests.merge(String.join(" ", asked), 1, Integer::sum);
      JsonObject o = new JsonObject();
      o.addProperty("access_token", token);
      o.addProperty("token_type", "Bearer");
      o.addProperty("expires_in", 3600);
      o.addProperty("scope", String.join(" ", asked));
      answer(x, 200, "application/json", gson.toJson(o));
    }
  }

  private @Nullable String checkAssertion(Map<String, String> form) {
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return "grant_type is not client_credentials";
    }
    if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        .equals(form.get("client_assertion_type"))) {
      return "wrong client_assertion_type";
    }
    try {
      SignedJWT jwt = SignedJWT.parse(form.getOrDefault("client_assertion", ""));
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return "assertion not RS256";
      }
      String kid = jwt.getHeader().getKeyID();
      JWK key = kid == null ? null : toolKeys.get().getKeyByKeyId(kid);
      if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
        return "assertion signature not verified (kid " + kid + ")";
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      Instant now = clock.instant();
      if (!clientId.equals(c.getIssuer()) || !clientId.equals(c.getSubject())) {
        return "assertion iss/sub is not the client id";
      }
      if (!List.of(tokenUrl()).equals(c.getAudience())) {
        return "assertion aud is not exactly the token URL: " + c.getAudience();
      }
      if (c.getIssueTime() == null || c.getExpirationTime() == null) {
        return "assertion without iat or exp";
      }
      Instant iat = c.getIssueTime().toInstant();
      Instant exp = c.getExpirationTime().toInstant();
      if (iat.isAfter(now) || !exp.isAfter(now)) {
        return "assertion iat in the future or exp passed";
      }
      if (Duration.between(iat, exp).compareTo(Duration.ofMinutes(5).plusSeconds(5)) > 0) {
        return "assertion lives longer than 5 minutes";
      }
      synchronized (lock) {
        if (c.getJWTID() == null || !jtis.add(c.getJWTID())) {
          return "assertion jti missing or reused";
        }
      }
      return null;
    } catch (ParseException | JOSEException e) {
      return "assertion unreadable: " + e.getClass().getSimpleName();
    }
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
    String auth = x.getRequestHeaders().getFirst("Authorization");
    Token token;
    synchronized (lock) {
      token = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
      if (token == null || token.generation() != generation) {
        answer(x, 401, "application/json", "{\"error\":\"invalid_token\"}");
        return;
      }
    }
    if (item == null && "GET".equals(method)) {
      if (needs(x, token, Set.of(SCOPE_LINEITEM, SCOPE_LINEITEM_READ)) && accepts(x, CONTAINER)) {
        listColumns(x, course, uri);
      }
    } else if (item == null && "POST".equals(method)) {
      if (needs(x, token, Set.of(SCOPE_LINEITEM)) && sends(x, LINE_ITEM)) {
        createColumn(x, course, raw);
      }
    } else if ("/scores".equals(sub) && "POST".equals(method)) {
      if (needs(x, token, Set.of(SCOPE_SCORE)) && sends(x, SCORE)) {
        score(x, course, item, raw);
      }
    } else if ("/results".equals(sub) && "GET".equals(method)) {
      if (needs(x, token, Set.of(SCOPE_RESULT)) && accepts(x, RESULTS)) {
        results(x, course, item, uri);
      }
    } else {
      refuse(x, 405, method + " " + uri.getRawPath());
    }
  }

  private boolean needs(HttpExchange x, Token token, Set<String> anyOf) throws IOException {
    if (token.scopes().stream().noneMatch(anyOf::contains)) {
      refuse(x, 403, "token lacks the scope for " + x.getRequestURI().getRawPath());
      return false;
    }
    return true;
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
              o.get("scoreMaximum").getAsDouble());
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
    synchronized (lock) {
      Canned next = canned.poll();
      if (next != null) {
        if (next.retryAfter() != null) {
          x.getResponseHeaders().add("Retry-After", next.retryAfter());
        }
        answer(x, next.status(), "text/html", "<html><p>Answer " + next.status() + "</p></html>");
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
      for (int i = scores.size() - 1; i >= 0; i--) {
        ReceivedScore last = scores.get(i);
        if (last.lineItem().equals(s.lineItem()) && last.userId().equals(s.userId())) {
          if (stamp.getEpochSecond() <= last.timestamp().getEpochSecond()) {
            // Moodle: "Refusing score with an earlier timestamp" (it compares seconds)
            answer(x, 409, "text/plain", "Refusing score with an earlier timestamp for item");
            return;
          }
          break;
        }
      }
      scores.add(s);
      grades.put(s.lineItem() + "|" + s.userId(), new Double[] {s.scoreGiven(), s.scoreMaximum()});
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
