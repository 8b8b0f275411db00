package org.tremplin.examples.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import gg.jte.Content;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.HttpJwksFetcher;
import org.tremplin.lti.keys.PlatformKeys;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;

/**
 * {@code /demo}: a small but real LTI 1.3 platform, the demo LMS. {@code GET /demo} is its course
 * page, with one launch per role that starts the tool's third-party initiated login ({@code
 * <base>lti/login}); {@code /demo/auth} is its OIDC authorisation endpoint: it checks the tool's
 * request (client id, the exact redirect URI, response type and mode, scope, prompt, nonce, state,
 * a known {@code login_hint}) and answers a form that posts a signed {@code id_token} and the
 * {@code state} to the tool's {@code /lti/launch}; {@code /demo/jwks} serves its public key.
 *
 * <p>It is an LTI Advantage platform too (LTI.md §4–6): every launch carries the AGS endpoint claim
 * (the course's line items, and the activity's line item) and the NRPS claim (the course's
 * memberships), served by {@link DemoServices} with tokens of {@code /demo/token} ({@link
 * DemoTokens}); the course page's "add an activity" button sends an {@code LtiDeepLinkingRequest}
 * (lti_message_hint {@code <lang>:dl}, instructors only) whose signed response comes back to {@code
 * /demo/deep-linking/return} ({@link DemoDeepLinking}): the items become activities of the course,
 * each launchable by every member as a resource link with its custom claims ({@code
 * <lang>:a:<id>}), with their line items; {@code /demo/gradebook} shows the scores received and
 * when. Pages come from {@code src/main/jte/demo} in Tremplin's layout, every dynamic value
 * escaped; they are never cached and run no inline script. French by default, English with {@code
 * ?lang=en} or the browser's languages. Thread-safe.
 */
@Path("demo")
public final class DemoLms {
  /** How long an id_token of the demo platform is valid. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

  /** The demo's templates ({@code examples/src/main/jte/demo}), in the layout of every page. */
  private static final Templates TEMPLATES =
      Templates.in("org.tremplin.examples", DemoLms.class.getClassLoader());

  private static final String TOOL_PLATFORM =
      "https://purl.imsglobal.org/spec/lti/claim/tool_platform";
  private static final String COURSE_OFFERING =
      "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering";

  /** AGS claim of a launch. */
  static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

  /** NRPS claim of a launch. */
  static final String NRPS_SERVICE =
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

  private final DemoPlatform platform;
  private final DemoRoster roster;
  private final Clock clock;
  private final String jwks;
  private final DemoGradebook gradebook;
  private final DemoTokens tokens;
  private final DemoDeepLinking deepLinking;
  private final DemoServices services;

  /**
   * The demo platform with these members, signing with the time of {@code clock}; the tool's keys
   * fetched over HTTP from {@link DemoPlatform#toolJwksUrl}, an empty gradebook.
   */
  public DemoLms(DemoPlatform platform, DemoRoster roster, Clock clock) {
    this(
        platform,
        roster,
        clock,
        new CachingPlatformKeys(new HttpJwksFetcher(), clock),
        new DemoGradebook());
  }

  /**
   * The demo platform with these members, on {@code clock}, reading the tool's keys through {@code
   * toolKeys} (client assertions, deep linking responses) and keeping its course's line items,
   * scores and activities in {@code gradebook}.
   */
  public DemoLms(
      DemoPlatform platform,
      DemoRoster roster,
      Clock clock,
      PlatformKeys toolKeys,
      DemoGradebook gradebook) {
    this.platform = platform;
    this.roster = roster;
    this.clock = clock;
    this.jwks = new JWKSet(platform.key().toPublicJWK()).toString(true);
    this.gradebook = gradebook;
    this.tokens = new DemoTokens(platform, toolKeys, clock);
    this.deepLinking = new DemoDeepLinking(platform, toolKeys, gradebook, clock);
    this.services = new DemoServices(platform, roster, gradebook, tokens, clock);
  }

  /** The course's services (NRPS, AGS): a resource to serve next to this one. */
  public DemoServices services() {
    return services;
  }

  /** The course's gradebook and placed activities. */
  public DemoGradebook gradebook() {
    return gradebook;
  }

  /** How many access tokens the token endpoint issued. */
  public int tokensIssued() {
    return tokens.issued();
  }

  /**
   * The URL that starts the tool's login for this user, as the course page's launch form builds it
   * (GET {@code <base>lti/login} with {@code iss}, {@code login_hint}, {@code target_link_uri},
   * {@code client_id}, {@code lti_deployment_id}, {@code lti_message_hint}).
   */
  public static URI loginUri(DemoPlatform platform, DemoUser user, String language) {
    return loginUri(platform, user, language, platform.toolRedirectUri());
  }

  /** As {@link #loginUri}, for the "add an activity" button: a deep linking request. */
  public static URI deepLinkingLoginUri(DemoPlatform platform, DemoUser user, String language) {
    return loginUri(platform, user, language + HINT_DEEP_LINKING, platform.toolRedirectUri());
  }

  /** As {@link #loginUri}, launching a placed activity (its resource link). */
  public static URI activityLoginUri(
      DemoPlatform platform, DemoUser user, String language, DemoGradebook.Activity activity) {
    return loginUri(platform, user, language + HINT_ACTIVITY + activity.id(), activity.url());
  }

  private static URI loginUri(DemoPlatform platform, DemoUser user, String hint, String target) {
    StringBuilder url = new StringBuilder(platform.toolLoginUrl().toString());
    char separator = '?';
    for (Map.Entry<String, String> p : loginParameters(platform, hint, target).entrySet()) {
      url.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
      separator = '&';
    }
    url.append("&login_hint=").append(encode(user.sub()));
    return URI.create(url.toString());
  }

  /** {@code lti_message_hint} suffix of a deep linking request ({@code fr:dl}). */
  static final String HINT_DEEP_LINKING = ":dl";

  /** {@code lti_message_hint} infix of an activity launch ({@code fr:a:activity-1}). */
  static final String HINT_ACTIVITY = ":a:";

  /** What a launch is for, from its {@code lti_message_hint}. */
  private record Hint(String language, boolean deepLinking, Optional<String> activity) {
    static Optional<Hint> parse(@Nullable String hint) {
      if (hint == null) {
        return Optional.of(new Hint("fr", false, Optional.empty()));
      }
      String[] parts = hint.split(":", 3);
      if (!DemoText.LANGUAGES.contains(parts[0])) {
        return Optional.empty();
      }
      if (parts.length == 1) {
        return Optional.of(new Hint(parts[0], false, Optional.empty()));
      }
      if (parts.length == 2 && parts[1].equals("dl")) {
        return Optional.of(new Hint(parts[0], true, Optional.empty()));
      }
      if (parts.length == 3 && parts[1].equals("a") && !parts[2].isEmpty()) {
        return Optional.of(new Hint(parts[0], false, Optional.of(parts[2])));
      }
      return Optional.empty();
    }
  }

  /** The course page: one launch per role. */
  @GET
  public Response home(@QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
    DemoText t =
        DemoText.of(DemoText.negotiate(lang == null ? "" : lang, headers.getAcceptableLanguages()));
    String other = t.language().equals("fr") ? "en" : "fr";
    List<Launch> launches = new ArrayList<>();
    for (DemoRole role : DemoRole.values()) {
      launches.add(launch(t, role));
    }
    List<Launch> activities = new ArrayList<>();
    for (DemoGradebook.Activity a : gradebook.activities()) {
      activities.add(activityLaunch(t, a));
    }
    List<Field> addFields = new ArrayList<>();
    for (Map.Entry<String, String> p :
        loginParameters(platform, t.language() + HINT_DEEP_LINKING, platform.toolRedirectUri())
            .entrySet()) {
      addFields.add(new Field(p.getKey(), p.getValue()));
    }
    addFields.add(new Field("login_hint", roster.trainer().sub()));
    Home home =
        new Home(
            t,
            platform.home() + "?lang=" + other,
            other,
            DemoPlatform.CONTEXT_TITLE,
            launches,
            activities,
            platform.toolLoginUrl().toString(),
            addFields,
            platform.gradebookUrl() + "?lang=" + t.language());
    return page(200, t, t.get("lms.title"), TEMPLATES.content("demo/home.jte", home), false);
  }

  /** The platform's public keyset. */
  @GET
  @Path("jwks")
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks() {
    return Response.ok(jwks, MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "max-age=300")
        .build();
  }

  /** The OIDC authorisation endpoint, by query (the tool's redirect). */
  @GET
  @Path("auth")
  public Response authorize(@Context UriInfo uri) {
    return authorize(uri.getQueryParameters());
  }

  /** The OIDC authorisation endpoint, by form post. */
  @POST
  @Path("auth")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response authorizeByPost(@Nullable MultivaluedMap<String, String> form) {
    return authorize(form == null ? Map.of() : form); // no body: an empty form, refused (400)
  }

  /**
   * The token endpoint of the services: a client-credentials grant with the tool's JWT client
   * assertion ({@link DemoTokens}).
   */
  @POST
  @Path("token")
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(@Context HttpHeaders headers, MultivaluedMap<String, String> form) {
    MediaType sent = headers.getMediaType();
    DemoTokens.Answer answer =
        sent != null && sent.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
            ? tokens.token(form)
            : new DemoTokens.Answer(
                400,
                Map.of(
                    "error",
                    "invalid_request",
                    "error_description",
                    "send the request form-encoded"));
    return Response.status(answer.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .entity(DemoServices.json(answer.body()))
        .build();
  }

  /**
   * Where the tool posts its deep linking response (form field {@code JWT}): checked by {@link
   * DemoDeepLinking}, the items placed in the course, a page listing them.
   */
  @POST
  @Path("deep-linking/return")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response deepLinkingReturn(MultivaluedMap<String, String> form) {
    List<String> jwt = form.getOrDefault("JWT", List.of());
    DemoDeepLinking.Outcome outcome = deepLinking.accept(jwt.size() == 1 ? jwt.get(0) : null);
    DemoText t = DemoText.of("fr");
    Placed placed =
        new Placed(
            t,
            DemoText.of("en"),
            outcome.placed().stream().map(DemoGradebook.Activity::title).toList(),
            outcome.message(),
            outcome.refused().orElse(""),
            platform.home().toString());
    return page(
        outcome.refused().isPresent() ? 400 : 200,
        t,
        t.get(outcome.refused().isPresent() ? "dl.refused.title" : "dl.placed.title"),
        TEMPLATES.content("demo/placed.jte", placed),
        false);
  }

  /** The gradebook: each line item with the scores the tool sent to it, and when. */
  @GET
  @Path("gradebook")
  public Response gradebookPage(
      @QueryParam("lang") @Nullable String lang, @Context HttpHeaders headers) {
    DemoText t =
        DemoText.of(DemoText.negotiate(lang == null ? "" : lang, headers.getAcceptableLanguages()));
    List<Column> columns = new ArrayList<>();
    DateTimeFormatter when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(DemoDataset.ZONE);
    for (DemoGradebook.LineItem item : gradebook.lineItems(null, null, null)) {
      List<Row> rows = new ArrayList<>();
      for (DemoGradebook.Score s : gradebook.scores()) {
        if (!s.lineItem().equals(item.id())) {
          continue;
        }
        String who = roster.find(s.userId()).map(DemoUser::name).orElse(s.userId());
        String score =
            s.scoreGiven()
                .map(g -> number(g) + " / " + s.scoreMaximum().map(DemoLms::number).orElse("?"))
                .orElse("—");
        rows.add(
            new Row(
                who,
                score,
                s.activityProgress() + " · " + s.gradingProgress(),
                when.format(s.timestamp()),
                when.format(s.receivedAt())));
      }
      columns.add(
          new Column(
              item.id(),
              item.label(),
              number(item.scoreMaximum()),
              item.resourceId(),
              item.tag(),
              rows));
    }
    String other = t.language().equals("fr") ? "en" : "fr";
    Gradebook page =
        new Gradebook(
            t,
            platform.gradebookUrl() + "?lang=" + other,
            other,
            columns,
            platform.home() + "?lang=" + t.language());
    return page(
        200, t, t.get("gradebook.title"), TEMPLATES.content("demo/gradebook.jte", page), false);
  }

  private static String number(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** The script that submits the launch form (served, so the page needs no inline script). */
  @GET
  @Path("launch.js")
  public Response script() {
    return Response.ok(
            "document.getElementById('launch').submit();\n",
            MediaType.valueOf("text/javascript;charset=UTF-8"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "max-age=300")
        .build();
  }

  private Response authorize(Map<String, List<String>> parameters) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String name :
        List.of(
            "client_id",
            "redirect_uri",
            "response_type",
            "response_mode",
            "scope",
            "prompt",
            "nonce",
            "state",
            "login_hint",
            "lti_message_hint")) {
      List<String> values = parameters.getOrDefault(name, List.of());
      if (values.size() > 1) {
        return refused(name);
      }
      if (values.size() == 1 && !values.get(0).isEmpty()) {
        p.put(name, values.get(0));
      }
    }
    Optional<String> bad = firstProblem(p);
    if (bad.isPresent()) {
      return refused(bad.get());
    }
    Optional<DemoUser> user = roster.find(p.get("login_hint"));
    if (user.isEmpty()) {
      return refused("login_hint");
    }
    Hint hint = Hint.parse(p.get("lti_message_hint")).orElseThrow();
    Optional<DemoGradebook.Activity> activity = Optional.empty();
    if (hint.activity().isPresent()) {
      activity = gradebook.activity(hint.activity().get());
      if (activity.isEmpty()) {
        return refused("lti_message_hint");
      }
    }
    DemoRole role = user.get().role();
    if (hint.deepLinking() && role != DemoRole.TRAINER && role != DemoRole.MANAGER) {
      return refused("login_hint"); // only instructors place activities
    }
    String language = hint.language();
    DemoText t = DemoText.of(language);
    String idToken = sign(claims(user.get(), p.get("nonce"), hint, activity, t));
    Auth auth =
        new Auth(
            t,
            platform.toolRedirectUri(),
            idToken,
            p.get("state"),
            platform.baseUrl() + "demo/launch.js");
    return page(200, t, t.get("auth.title"), TEMPLATES.content("demo/auth.jte", auth), true);
  }

  /** The first parameter that is missing or not what this platform accepts. */
  private Optional<String> firstProblem(Map<String, String> p) {
    Map<String, @Nullable String> expected = new LinkedHashMap<>();
    expected.put("client_id", DemoPlatform.CLIENT_ID);
    expected.put("redirect_uri", platform.toolRedirectUri());
    expected.put("response_type", "id_token");
    expected.put("response_mode", "form_post");
    expected.put("scope", "openid");
    expected.put("prompt", "none");
    expected.put("nonce", null);
    expected.put("state", null);
    expected.put("login_hint", null);
    for (Map.Entry<String, @Nullable String> e : expected.entrySet()) {
      String value = p.get(e.getKey());
      if (value == null || (e.getValue() != null && !e.getValue().equals(value))) {
        return Optional.of(e.getKey());
      }
    }
    if (Hint.parse(p.get("lti_message_hint")).isEmpty()) {
      return Optional.of("lti_message_hint");
    }
    return Optional.empty();
  }

  private JWTClaimsSet claims(
      DemoUser user,
      String nonce,
      Hint hint,
      Optional<DemoGradebook.Activity> activity,
      DemoText t) {
    String language = hint.language();
    Instant now = clock.instant();
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("id", roster.contextId());
    context.put("label", DemoPlatform.CONTEXT_LABEL);
    context.put("title", DemoPlatform.CONTEXT_TITLE);
    context.put("type", List.of(COURSE_OFFERING));
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(platform.issuer())
            .audience(DemoPlatform.CLIENT_ID)
            .subject(user.sub())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
            .claim("nonce", nonce)
            .claim("name", user.name())
            .claim("given_name", user.givenName())
            .claim("family_name", user.familyName())
            .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
            .claim(
                LtiClaims.MESSAGE_TYPE,
                hint.deepLinking()
                    ? LtiClaims.DEEP_LINKING_REQUEST
                    : LtiClaims.RESOURCE_LINK_REQUEST)
            .claim(LtiClaims.DEPLOYMENT_ID, DemoPlatform.DEPLOYMENT_ID)
            .claim(
                LtiClaims.TARGET_LINK_URI,
                activity.map(DemoGradebook.Activity::url).orElse(platform.toolRedirectUri()))
            .claim(LtiClaims.CONTEXT, context)
            .claim(LtiClaims.ROLES, List.of(user.role().ltiRole()))
            .claim(
                TOOL_PLATFORM,
                Map.of(
                    "guid",
                    platform.issuer(),
                    "name",
                    "LMS de démonstration",
                    "product_family_code",
                    "tremplin-demo"))
            .claim(
                LtiClaims.LAUNCH_PRESENTATION,
                Map.of(
                    "document_target",
                    "window",
                    "locale",
                    language,
                    "return_url",
                    platform.home().toString()));
    if (user.role() == DemoRole.COACH) {
      claims.claim(LtiClaims.ROLE_SCOPE_MENTOR, roster.learnerSubs());
    }
    if (hint.deepLinking()) {
      claims.claim(
          LtiClaims.DEEP_LINKING_SETTINGS, deepLinking.settings(t.get("dl.settingsTitle")));
    } else if (activity.isPresent()) {
      claims.claim(
          LtiClaims.RESOURCE_LINK,
          Map.of("id", activity.get().id(), "title", activity.get().title()));
      if (!activity.get().custom().isEmpty()) {
        claims.claim(LtiClaims.CUSTOM, activity.get().custom());
      }
    } else {
      claims.claim(
          LtiClaims.RESOURCE_LINK,
          Map.of("id", DemoPlatform.RESOURCE_LINK_ID, "title", "Tremplin"));
    }
    Map<String, Object> ags = new LinkedHashMap<>();
    ags.put(
        "scope",
        List.of(
            DemoTokens.LINEITEM,
            DemoTokens.LINEITEM_READONLY,
            DemoTokens.RESULT_READONLY,
            DemoTokens.SCORE));
    ags.put("lineitems", platform.lineItemsUrl(roster.contextId()).toString());
    activity
        .flatMap(DemoGradebook.Activity::lineItem)
        .ifPresent(
            id -> ags.put("lineitem", platform.lineItemUrl(roster.contextId(), id).toString()));
    claims.claim(AGS_ENDPOINT, ags);
    claims.claim(
        NRPS_SERVICE,
        Map.of(
            "context_memberships_url",
            platform.membershipsUrl(roster.contextId()).toString(),
            "service_versions",
            List.of("2.0")));
    return claims.build();
  }

  private String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(platform.key().getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(platform.key()));
    } catch (JOSEException e) {
      throw new IllegalStateException("the demo platform cannot sign", e);
    }
    return jwt.serialize();
  }

  private Launch launch(DemoText t, DemoRole role) {
    String key = "lms.role." + role.key();
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, String> p :
        loginParameters(platform, t.language(), platform.toolRedirectUri()).entrySet()) {
      fields.add(new Field(p.getKey(), p.getValue()));
    }
    if (role == DemoRole.LEARNER) {
      return new Launch(
          role.key(),
          t.get(key),
          platform.toolLoginUrl().toString(),
          fields,
          t.get(key + ".text"),
          roster.learners().stream().map(l -> new Field(l.sub(), l.name())).toList(),
          t.get("lms.launch"));
    }
    DemoUser user = roster.first(role);
    fields.add(new Field("login_hint", user.sub()));
    return new Launch(
        role.key(),
        t.get(key),
        platform.toolLoginUrl().toString(),
        fields,
        t.get(key + ".text", user.name()),
        List.of(),
        t.get("lms.launchAs", user.name()));
  }

  /** An activity's launch form: who launches is chosen among every member. */
  private Launch activityLaunch(DemoText t, DemoGradebook.Activity a) {
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, String> p :
        loginParameters(platform, t.language() + HINT_ACTIVITY + a.id(), a.url()).entrySet()) {
      fields.add(new Field(p.getKey(), p.getValue()));
    }
    List<Field> members =
        roster.members().stream()
            .map(
                u ->
                    new Field(u.sub(), u.name() + " (" + t.get("lms.role." + u.role().key()) + ")"))
            .toList();
    return new Launch(
        a.id(),
        a.title(),
        platform.toolLoginUrl().toString(),
        fields,
        t.get("lms.activity.text"),
        members,
        t.get("lms.launch"));
  }

  /** The login parameters every launch shares (the user's {@code login_hint} comes apart). */
  private static Map<String, String> loginParameters(
      DemoPlatform platform, String hint, String targetLinkUri) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("iss", platform.issuer());
    p.put("target_link_uri", targetLinkUri);
    p.put("client_id", DemoPlatform.CLIENT_ID);
    p.put("lti_deployment_id", DemoPlatform.DEPLOYMENT_ID);
    p.put("lti_message_hint", hint);
    return p;
  }

  private Response refused(String parameter) {
    DemoText fr = DemoText.of("fr");
    return page(
        400,
        fr,
        fr.get("auth.refused.title"),
        TEMPLATES.content("demo/refused.jte", new Refused(fr, DemoText.of("en"), parameter)),
        false);
  }

  private Response page(int status, DemoText t, String title, Content main, boolean script) {
    String origin = origin(platform.baseUrl());
    List<String> csp = new ArrayList<>();
    csp.add("default-src 'none'");
    if (script) {
      csp.add("script-src 'self' " + origin);
    }
    csp.add("style-src 'self'");
    csp.add("frame-src 'self' " + origin); // the course page embeds the tool (its iframe)
    csp.add("form-action 'self' " + origin);
    csp.add("base-uri 'none'");
    csp.add("frame-ancestors 'self' " + origin);
    Layout layout =
        Layout.of(
            Locale.forLanguageTag(t.language()),
            title,
            t.get("lms.site"),
            platform.baseUrl().getRawPath());
    return Response.status(status)
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", String.join("; ", csp))
        .entity(Templates.page(layout, main))
        .build();
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A hidden field, or a learner to choose ({@code name}: the value, {@code value}: the label). */
  record Field(String name, String value) {}

  /**
   * One role's launch form: for the learner, a list to choose who ({@code learners}); for the
   * others, the user's {@code login_hint} among the fields.
   */
  record Launch(
      String key,
      String title,
      String action,
      List<Field> fields,
      String text,
      List<Field> learners,
      String button) {}

  /**
   * The course page; {@code switchTo} is the other language's page, {@code activities} the placed
   * activities' launch forms, {@code addAction} and {@code addFields} the "add an activity" form.
   */
  record Home(
      DemoText t,
      String switchTo,
      String otherLanguage,
      String course,
      List<Launch> launches,
      List<Launch> activities,
      String addAction,
      List<Field> addFields,
      String gradebook) {}

  /** The answer to a deep linking response: what was placed, or why nothing was. */
  record Placed(
      DemoText t,
      DemoText en,
      List<String> titles,
      String message,
      String refused,
      String course) {}

  /** One score received: who, the score, the progress, the tool's time and the arrival time. */
  record Row(String learner, String score, String progress, String timestamp, String received) {}

  /** One line item with its scores. */
  record Column(
      String id, String label, String maximum, String resourceId, String tag, List<Row> rows) {}

  /** The gradebook page. */
  record Gradebook(
      DemoText t, String switchTo, String otherLanguage, List<Column> columns, String course) {}

  /** The answer of the authorisation endpoint: the form that posts the token to the tool. */
  record Auth(DemoText t, String action, String idToken, String state, String script) {}

  /** A refused authorisation request, in French and English. */
  record Refused(DemoText fr, DemoText en, String parameter) {}
}
