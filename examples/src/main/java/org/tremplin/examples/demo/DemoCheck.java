package org.tremplin.examples.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Launches into the tool once per role of the demo LMS, over real HTTP, as a browser would: the
 * course page, the tool's login (302 to the platform), the platform's auto-submitting form, the
 * launch post with the login's cookie (303), then the role's page. Used by {@code demo --check} to
 * smoke-test a running demo. Each check has its own cookie jar. Thread-safe.
 */
public final class DemoCheck {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");
  private static final Pattern ACTION =
      Pattern.compile("<form id=\"launch\" [^>]*action=\"([^\"]*)\"");
  private static final Pattern ROLE = Pattern.compile("data-role=\"([A-Z]+)\"");
  private static final Pattern COHORT = Pattern.compile("<p id=\"cohort\">([^<]*)</p>");

  private final DemoPlatform platform;
  private final DemoRoster roster;
  private final String language;
  private final HttpClient http;

  /**
   * Checks this platform's launches for these members, as a browser asking for pages in {@code
   * language} ({@code fr} or {@code en}).
   */
  public DemoCheck(DemoPlatform platform, DemoRoster roster, String language) {
    this.platform = platform;
    this.roster = roster;
    this.language = DemoText.LANGUAGES.contains(language) ? language : "fr";
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1 like a browser on http://: the JDK's h2c upgrade stalls POST bodies.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();
  }

  /**
   * How one launch went.
   *
   * @param role the role launched as
   * @param user who launched
   * @param landedOn the page the launch ended on (without its session token), or the step failed
   * @param roles the roles the page shows ({@code data-role})
   * @param cohort the cohort line of the page, empty if none
   * @param failure what went wrong, empty when the page shows the expected role
   */
  public record Result(
      DemoRole role,
      DemoUser user,
      String landedOn,
      List<String> roles,
      String cohort,
      Optional<String> failure) {
    /** Copies the list. */
    public Result {
      roles = List.copyOf(roles);
    }

    /** Whether the launch landed on the role's page. */
    public boolean ok() {
      return failure.isEmpty();
    }
  }

  /** One launch per role (the first learner listed for the learner). */
  public List<Result> run() {
    List<Result> results = new ArrayList<>();
    for (DemoRole role : DemoRole.values()) {
      results.add(launch(roster.first(role)));
    }
    return results;
  }

  /** A complete launch as this member. */
  public Result launch(DemoUser user) {
    Map<String, String> cookies = new LinkedHashMap<>();
    String step = platform.home().toString();
    try {
      HttpResponse<String> course = send(get(platform.home(), cookies));
      if (course.statusCode() != 200
          || !course.body().contains("id=\"launch-" + user.role().key() + "\"")) {
        return failed(user, step, "HTTP " + course.statusCode() + ", no launch form");
      }
      URI login = DemoLms.loginUri(platform, user, language);
      step = login.toString();
      HttpResponse<String> toPlatform = expect(send(get(login, cookies)), 302, cookies);
      URI auth = location(toPlatform);
      step = platform.authUrl().toString();
      HttpResponse<String> form = expect(send(get(auth, cookies)), 200, cookies);
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher hidden = HIDDEN.matcher(form.body());
      while (hidden.find()) {
        fields.put(hidden.group(1), unescape(hidden.group(2)));
      }
      Matcher action = ACTION.matcher(form.body());
      if (!action.find() || !fields.containsKey("id_token") || !fields.containsKey("state")) {
        return failed(user, step, "no launch form");
      }
      URI launch = URI.create(unescape(action.group(1)));
      step = launch.toString();
      HttpResponse<String> landed =
          expect(
              send(
                  HttpRequest.newBuilder(launch)
                      .timeout(TIMEOUT)
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .header("Cookie", cookieHeader(cookies))
                      .header("Accept-Language", language)
                      .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                      .build()),
              303,
              cookies);
      URI page = location(landed);
      step = withoutQuery(page);
      HttpResponse<String> home = expect(send(get(page, cookies)), 200, cookies);
      List<String> roles = all(ROLE, home.body());
      Matcher cohort = COHORT.matcher(home.body());
      String cohortLine = cohort.find() ? unescape(cohort.group(1)) : "";
      Optional<String> failure =
          roles.contains(user.role().name())
              ? Optional.empty()
              : Optional.of("expected role " + user.role() + ", page shows " + roles);
      return new Result(user.role(), user, step, roles, cohortLine, failure);
    } catch (UnexpectedStatus e) {
      return failed(user, step, e.getMessage());
    } catch (IOException e) {
      return failed(user, step, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(user, step, "interrupted");
    }
  }

  private Result failed(DemoUser user, String step, String why) {
    return new Result(user.role(), user, step, List.of(), "", Optional.of(why));
  }

  private HttpRequest get(URI uri, Map<String, String> cookies) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept-Language", language).GET();
    if (!cookies.isEmpty()) {
      b.header("Cookie", cookieHeader(cookies));
    }
    return b.build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Checks the status and keeps the cookies the response sets. */
  private static HttpResponse<String> expect(
      HttpResponse<String> response, int status, Map<String, String> cookies) {
    if (response.statusCode() != status) {
      Matcher code = Pattern.compile("id=\"error-code\">([A-Z_]+)<").matcher(response.body());
      throw new UnexpectedStatus(
          "HTTP " + response.statusCode() + (code.find() ? " " + code.group(1) : ""));
    }
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return response;
  }

  private static URI location(HttpResponse<String> response) {
    return response
        .uri()
        .resolve(
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(() -> new UnexpectedStatus("redirect without Location")));
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static String withoutQuery(URI uri) {
    String s = uri.toString();
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  /** Reverses the HTML escaping of the pages (jte's entities, and the named ones). */
  static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** A step answered another status than the flow expects. */
  private static final class UnexpectedStatus extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnexpectedStatus(String message) {
      super(message);
    }
  }
}
