package org.tremplin.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The service side of a {@link SimulatedLms}: an OAuth 2 token endpoint that checks the tool's
 * client assertions as a strict platform does, and NRPS 2.0 course memberships with paging. Other
 * services (AGS gradebooks...) are added on the same platform by classes of their own that serve
 * their paths with {@link SimulatedLms#serve} and let {@link #authorize} check each call's bearer
 * token.
 *
 * <p>The token endpoint ({@link #tokenUrl()}) refuses, with a recorded {@link Refusal}: a grant or
 * assertion type other than client credentials with a JWT bearer; an assertion not RS256, without a
 * {@code kid}, or whose {@code kid} is not in the tool's keyset (fetched on each request from the
 * supplier given); a bad signature; {@code iss} or {@code sub} other than the client id; {@code
 * aud} other than exactly one value, the token URL; {@code exp} passed, {@code iat} in the future
 * (60 s leeway) or a lifetime over 5 minutes; a {@code jti} seen before; a scope not granted. It
 * answers {@code {access_token, token_type: "Bearer", expires_in, scope}}.
 *
 * <p>Memberships ({@link Course#membershipsUrl()}) answer {@code
 * application/vnd.ims.lti-nrps.v2.membershipcontainer+json} to exactly that {@code Accept} (406
 * otherwise), {@link Course#pageSize} members per page, with a {@code Link} header in the chosen
 * {@link LinkStyle}, and a {@code rel="differences"} link when asked.
 *
 * <p>Thread-safe: handlers run on the platform's threads while tests change the roster.
 */
public final class PlatformServices {
  /** The NRPS scope. */
  public static final String NRPS_SCOPE =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

  /** The AGS scopes. */
  public static final List<String> AGS_SCOPES =
      List.of(
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score");

  /** The NRPS membership container media type. */
  public static final String MEMBERSHIPS_TYPE =
      "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

  /** Why the token endpoint refused a request. */
  public enum Refusal {
    /** Not {@code grant_type=client_credentials}. */
    GRANT_TYPE,
    /** Not the JWT bearer assertion type, or no assertion. */
    ASSERTION_TYPE,
    /** Not a signed JWT, not RS256, or no {@code kid}. */
    MALFORMED,
    /** The {@code kid} is not in the tool's keyset. */
    UNKNOWN_KEY,
    /** The signature does not verify with the tool's key. */
    SIGNATURE,
    /** {@code iss} or {@code sub} is not the client id. */
    ISSUER,
    /** {@code aud} is not exactly the token URL. */
    AUDIENCE,
    /** Expired, issued in the future, or living longer than 5 minutes. */
    TIMES,
    /** A {@code jti} already used (or none). */
    JTI_REUSED,
    /** A scope the platform did not grant, or none. */
    SCOPE,
    /** Refused on the test's demand ({@link #refuseTokens}). */
    FORCED
  }

  /** How the memberships answer carries its {@code Link} relations. */
  public enum LinkStyle {
    /** One {@code Link} header per relation, quoted: {@code <…>; rel="next"}. */
    SEPARATE,
    /** One header with every relation, comma-separated: {@code <…>; rel="next", <…>; rel="x"}. */
    COMBINED,
    /** Unquoted values: {@code <…>; rel=next}. */
    UNQUOTED,
    /** Moodle's typographic quotes, in UTF-8 on the wire: {@code <…>; rel=“next”}. */
    TYPOGRAPHIC
  }

  /**
   * One member of a course as the platform shares them; null fields are not shared.
   *
   * @param userId the LTI {@code user_id} (the launch's {@code sub})
   * @param roles the context role URIs
   * @param status {@code Active}, {@code Inactive} or {@code Deleted}
   * @param name full name
   * @param givenName given name
   * @param familyName family name
   * @param email e-mail
   * @param sourcedid {@code lis_person_sourcedid}
   */
  public record Member(
      String userId,
      List<String> roles,
      String status,
      @Nullable String name,
      @Nullable String givenName,
      @Nullable String familyName,
      @Nullable String email,
      @Nullable String sourcedid) {
    /** Copies the roles. */
    public Member {
      roles = List.copyOf(roles);
    }

    /** An active learner with a name and an e-mail. */
    public static Member learner(String userId, String given, String family, String email) {
      return new Member(
          userId,
          List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"),
          "Active",
          given + " " + family,
          given,
          family,
          email,
          null);
    }

    /** An active learner of whom the platform shares nothing but the id. */
    public static Member anonymousLearner(String userId) {
      return new Member(
          userId,
          List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"),
          "Active",
          null,
          null,
          null,
          null,
          null);
    }

    /** An active instructor. */
    public static Member instructor(String userId, String given, String family) {
      return new Member(
          userId,
          List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"),
          "Active",
          given + " " + family,
          given,
          family,
          null,
          null);
    }

    /** This member with another status. */
    public Member withStatus(String other) {
      return new Member(userId, roles, other, name, givenName, familyName, email, sourcedid);
    }

    /** This member with a {@code lis_person_sourcedid}. */
    public Member withSourcedid(String other) {
      return new Member(userId, roles, status, name, givenName, familyName, email, other);
    }

    /** This member with other roles. */
    public Member withRoles(String... other) {
      return new Member(
          userId, List.of(other), status, name, givenName, familyName, email, sourcedid);
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("user_id", userId);
      json.put("roles", roles);
      json.put("status", status);
      putIf(json, "name", name);
      putIf(json, "given_name", givenName);
      putIf(json, "family_name", familyName);
      putIf(json, "email", email);
      putIf(json, "lis_person_sourcedid", sourcedid);
      return json;
    }
  }

  /** One course's roster. Thread-safe. */
  public final class Course {
    private final String contextId;
    private final Map<String, Member> members = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Integer> changedAt = new ConcurrentHashMap<>();
    private final AtomicInteger version = new AtomicInteger();
    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private final AtomicInteger pageRequests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failStatus = 503;
    private volatile int pageSize = 50;
    private volatile LinkStyle linkStyle = LinkStyle.SEPARATE;
    private volatile boolean differences;
    private volatile int failOnPage = -1;

    private Course(String contextId) {
      this.contextId = contextId;
    }

    /** The NRPS {@code context_memberships_url} of this course. */
    public String membershipsUrl() {
      return lms.url("/services/nrps/" + encode(contextId) + "/memberships");
    }

    /** Adds (or replaces) members. */
    public Course add(Member... added) {
      for (Member m : added) {
        members.put(m.userId(), m);
        changedAt.put(m.userId(), version.incrementAndGet());
      }
      return this;
    }

    /** Removes a member from the course (a differences read lists them as {@code Deleted}). */
    public Course remove(String userId) {
      members.remove(userId);
      changedAt.put(userId, version.incrementAndGet());
      return this;
    }

    /** How many members a page holds (Canvas: at most 50). */
    public Course pageSize(int size) {
      pageSize = size;
      return this;
    }

    /** How the {@code Link} header is written. */
    public Course linkStyle(LinkStyle style) {
      linkStyle = style;
      return this;
    }

    /** Whether the last page offers a {@code rel="differences"} link. */
    public Course offerDifferences(boolean offer) {
      differences = offer;
      return this;
    }

    /** The next {@code times} page requests answer {@code status}. */
    public Course failNext(int status, int times) {
      failStatus = status;
      failures.set(times);
      return this;
    }

    /** Every request for this page number (1-based) answers 500, until reset with -1. */
    public Course failOnPage(int page) {
      failOnPage = page;
      return this;
    }

    /** The {@code Accept} header of every page request, in order. */
    public List<String> accepts() {
      return List.copyOf(accepts);
    }

    /** How many page requests (answered with members) were served. */
    public int pageRequests() {
      return pageRequests.get();
    }

    private void handle(HttpExchange exchange, Map<String, String> query) throws IOException {
      if (!authorized(exchange, NRPS_SCOPE)) {
        return;
      }
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      accepts.add(accept == null ? "" : accept);
      if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        SimulatedLms.respond(
            exchange, failStatus, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!MEMBERSHIPS_TYPE.equals(accept)) {
        SimulatedLms.respond(
            exchange, 406, "text/plain", "not acceptable".getBytes(StandardCharsets.UTF_8));
        return;
      }
      List<Map<String, Object>> listed = new ArrayList<>();
      String since = query.get("since");
      int page = Integer.parseInt(query.getOrDefault("page", "1"));
      if (page == failOnPage) {
        SimulatedLms.respond(exchange, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
        return;
      }
      boolean last;
      if (since != null) {
        int from = Integer.parseInt(since);
        synchronized (members) {
          changedAt.forEach(
              (user, at) -> {
                if (at > from) {
                  Member m = members.get(user);
                  listed.add(
                      m != null
                          ? m.json()
                          : Map.of("user_id", user, "status", "Deleted", "roles", List.of()));
                }
              });
        }
        last = true;
      } else {
        List<Member> all;
        synchronized (members) {
          all = new ArrayList<>(members.values());
        }
        int from = (page - 1) * pageSize;
        for (int i = from; i < Math.min(all.size(), from + pageSize); i++) {
          listed.add(all.get(i).json());
        }
        last = from + pageSize >= all.size();
      }
      pageRequests.incrementAndGet();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", membershipsUrl());
      body.put("context", Map.of("id", contextId, "title", "Course " + contextId));
      body.put("members", listed);
      List<String> links = new ArrayList<>();
      if (!last) {
        links.add(link(membershipsUrl() + "?page=" + (page + 1), "next"));
      }
      if (last && differences) {
        links.add(link(membershipsUrl() + "?since=" + version.get(), "differences"));
      }
      if (!links.isEmpty()) {
        if (linkStyle == LinkStyle.COMBINED) {
          links.add(0, link(membershipsUrl() + "?page=1", "first"));
          exchange.getResponseHeaders().add("Link", String.join(", ", links));
        } else {
          links.forEach(l -> exchange.getResponseHeaders().add("Link", l));
        }
      }
      respondJson(exchange, 200, MEMBERSHIPS_TYPE, body);
    }

    private String link(String url, String rel) {
      return switch (linkStyle) {
        case SEPARATE, COMBINED -> "<" + url + ">; rel=\"" + rel + "\"";
        case UNQUOTED -> "<" + url + ">;rel=" + rel;
        case TYPOGRAPHIC ->
            // as PHP sends it: the quotes' UTF-8 bytes (the JDK server writes chars as bytes)
            new String(
                ("<" + url + ">; rel=\u201c" + rel + "\u201d").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
      };
    }
  }

  private static final com.nimbusds.jose.shaded.gson.Gson JSON =
      new com.nimbusds.jose.shaded.gson.GsonBuilder().disableHtmlEscaping().create();

  private record Issued(Set<String> scopes, Instant expiresAt) {}

  private final SimulatedLms lms;
  private final String clientId;
  private final Supplier<JWKSet> toolKeys;
  private final Clock clock;
  private final Map<String, Course> courses = new ConcurrentHashMap<>();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Set<String> jtis = ConcurrentHashMap.newKeySet();
  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final SecureRandom random = new SecureRandom();
  private volatile Set<String> granted;
  private volatile String audience;
  private volatile Duration tokenLifetime = Duration.ofHours(1);
  private volatile int forcedStatus;

  /**
   * The services of this platform for the tool registered with {@code clientId}, whose public keys
   * {@code toolKeys} gives (e.g. {@link #keysAt} the tool's {@code /lti/jwks}), on this clock.
   * Grants NRPS and every AGS scope.
   */
  public PlatformServices(
      SimulatedLms lms, String clientId, Supplier<JWKSet> toolKeys, Clock clock) {
    this.lms = lms;
    this.clientId = clientId;
    this.toolKeys = toolKeys;
    this.clock = clock;
    Set<String> all = new LinkedHashSet<>(AGS_SCOPES);
    all.add(NRPS_SCOPE);
    this.granted = Set.copyOf(all);
    this.audience = tokenUrl();
    lms.serve("/services/token", this::token);
    lms.serve("/services/nrps/", this::memberships);
  }

  /** The tool's keyset fetched from its URL on each use (as a platform re-reads it). */
  public static Supplier<JWKSet> keysAt(URI jwksUrl) {
    HttpClient client = HttpClient.newHttpClient();
    return () -> {
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(jwksUrl).build(), HttpResponse.BodyHandlers.ofString());
        return JWKSet.parse(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ParseException e) {
        throw new IllegalStateException("the tool's keyset is not JSON", e);
      }
    };
  }

  /** The platform this serves on. */
  public SimulatedLms lms() {
    return lms;
  }

  /** The token endpoint's URL (the registration's token URL, and the assertions' {@code aud}). */
  public String tokenUrl() {
    return lms.url("/services/token");
  }

  /** A course's roster, created empty on first use. */
  public Course course(String contextId) {
    return courses.computeIfAbsent(contextId, Course::new);
  }

  /** The scopes the platform grants (replacing the default: NRPS and every AGS scope). */
  public PlatformServices grant(String... scopes) {
    granted = Set.of(scopes);
    return this;
  }

  /** The {@code aud} the token endpoint demands (default: {@link #tokenUrl()}). */
  public PlatformServices expectAudience(String value) {
    audience = value;
    return this;
  }

  /** The lifetime of the tokens issued from now on ({@code expires_in}; default one hour). */
  public PlatformServices tokenLifetime(Duration lifetime) {
    tokenLifetime = lifetime;
    return this;
  }

  /** The token endpoint answers this status to every request (0: back to normal). */
  public PlatformServices refuseTokens(int status) {
    forcedStatus = status;
    return this;
  }

  /** Every token issued so far stops working: the next call with one answers 401. */
  public PlatformServices revokeIssuedTokens() {
    tokens.clear();
    return this;
  }

  /** How many requests reached the token endpoint (issued or refused). */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** Why each refused token request was refused, in order. */
  public List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  /**
   * Checks a service call's bearer token: known, not expired or revoked, and granting one of {@code
   * scopes}. When it does not, answers the exchange (401 for a bad token, 403 for a missing scope)
   * and returns false; the handler then returns at once.
   */
  public boolean authorized(HttpExchange exchange, String... scopes) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    Issued issued =
        header != null && header.startsWith("Bearer ") ? tokens.get(header.substring(7)) : null;
    if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      SimulatedLms.respond(
          exchange,
          401,
          "application/json",
          "{\"error\":\"invalid_token\"}".getBytes(StandardCharsets.UTF_8));
      return false;
    }
    for (String scope : scopes) {
      if (issued.scopes().contains(scope)) {
        return true;
      }
    }
    SimulatedLms.respond(
        exchange,
        403,
        "application/json",
        "{\"error\":\"insufficient_scope\"}".getBytes(StandardCharsets.UTF_8));
    return false;
  }

  /** Answers a JSON body (a map or list of JSON values). */
  public static void respondJson(HttpExchange exchange, int status, String contentType, Object body)
      throws IOException {
    String json = JSON.toJson(body);
    SimulatedLms.respond(exchange, status, contentType, json.getBytes(StandardCharsets.UTF_8));
  }

  /** The decoded form or query parameters of a request body or query string. */
  public static Map<String, String> params(@Nullable String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private void memberships(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String rest = path.substring("/services/nrps/".length());
      int slash = rest.indexOf('/');
      Course course =
          slash < 0
              ? null
              : courses.get(URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8));
      if (course == null || !"GET".equals(exchange.getRequestMethod())) {
        SimulatedLms.respond(
            exchange, 404, "text/plain", "no such course".getBytes(StandardCharsets.UTF_8));
        return;
      }
      course.handle(exchange, params(exchange.getRequestURI().getRawQuery()));
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      tokenRequests.incrementAndGet();
      Map<String, String> form;
      try (InputStream in = exchange.getRequestBody()) {
        form = params(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      if (forcedStatus != 0) {
        refuse(exchange, Refusal.FORCED, forcedStatus, "invalid_client");
        return;
      }
      if (!"client_credentials".equals(form.get("grant_type"))) {
        refuse(exchange, Refusal.GRANT_TYPE, 400, "unsupported_grant_type");
        return;
      }
      if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
              .equals(form.get("client_assertion_type"))
          || form.get("client_assertion") == null) {
        refuse(exchange, Refusal.ASSERTION_TYPE, 400, "invalid_request");
        return;
      }
      Refusal refusal = check(form.get("client_assertion"));
      if (refusal != null) {
        refuse(exchange, refusal, 401, "invalid_client");
        return;
      }
      Set<String> scopes = new LinkedHashSet<>();
      for (String scope : form.getOrDefault("scope", "").split(" ")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
      if (scopes.isEmpty() || !granted.containsAll(scopes)) {
        refuse(exchange, Refusal.SCOPE, 400, "invalid_scope");
        return;
      }
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      tokens.put(value, new Issued(Set.copyOf(scopes), clock.instant().plus(tokenLifetime)));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", value);
      body.put("token_type", "Bearer");
      body.put("expires_in", tokenLifetime.toSeconds());
      body.put("scope", String.join(" ", scopes));
      respondJson(exchange, 200, "application/json", body);
    }
  }

  private @Nullable Refusal check(String assertion) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return Refusal.MALFORMED;
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
        || jwt.getHeader().getKeyID() == null) {
      return Refusal.MALFORMED;
    }
    JWK key = toolKeys.get().getKeyByKeyId(jwt.getHeader().getKeyID());
    if (!(key instanceof RSAKey rsa)) {
      return Refusal.UNKNOWN_KEY;
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(rsa))) {
        return Refusal.SIGNATURE;
      }
    } catch (JOSEException e) {
      return Refusal.SIGNATURE;
    }
    if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
      return Refusal.ISSUER;
    }
    if (!List.of(audience).equals(claims.getAudience())) {
      return Refusal.AUDIENCE;
    }
    Instant now = clock.instant();
    if (claims.getExpirationTime() == null
        || claims.getIssueTime() == null
        || !claims.getExpirationTime().toInstant().isAfter(now)
        || claims.getIssueTime().toInstant().isAfter(now.plusSeconds(60))
        || Duration.between(
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())
                .compareTo(Duration.ofMinutes(5))
            > 0) {
      return Refusal.TIMES;
    }
    if (claims.getJWTID() == null || !jtis.add(claims.getJWTID())) {
      return Refusal.JTI_REUSED;
    }
    return null;
  }

  private void refuse(HttpExchange exchange, Refusal refusal, int status, String error)
      throws IOException {
    refusals.add(refusal);
    respondJson(
        exchange,
        status,
        "application/json",
        Map.of(
            "error",
            error,
            "error_description",
            "refused: " + refusal.name().toLowerCase(java.util.Locale.ROOT)));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void putIf(Map<String, Object> json, String name, @Nullable String value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
