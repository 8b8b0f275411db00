package org.tremplin.examples.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.LearnerId;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;

/**
 * Launches into the tool once per role of the demo LMS, over real HTTP, as a browser would: the
 * course page, the tool's login (302 to the platform), the platform's auto-submitting form, the
 * launch post with the login's cookie (303), then the role's page. Then ({@link #cycle}, when built
 * on a running {@link DemoServer}) the LTI Advantage cycle, step by step: the tool reads the
 * course's roster (NRPS), the trainer places an activity by deep linking (picker, signed response
 * back to the platform), a learner launches it, an assessment is recorded through the engine, and
 * its score arrives in the demo gradebook (AGS), awaited with a bounded deadline. Used by {@code
 * demo --check} to smoke-test a running demo. Each launch has its own cookie jar. Thread-safe.
 */
public final class DemoCheck {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");
  private static final Pattern ACTION =
      Pattern.compile("<form id=\"launch\" [^>]*action=\"([^\"]*)\"");
  private static final Pattern ROLE = Pattern.compile("data-role=\"([A-Z]+)\"");
  private static final Pattern COHORT = Pattern.compile("<p id=\"cohort\">([^<]*)</p>");

  /**
   * How long the cycle waits for the tool's score to reach the gradebook: longer than the relay's
   * first three retries (5 + 10 + 20 s), so one failed attempt on a loaded machine is not a
   * failure.
   */
  public static final Duration CYCLE_DEADLINE = Duration.ofSeconds(60);

  /** How long the cycle waits for the tool to read the roster after the trainer's launch. */
  public static final Duration ROSTER_DEADLINE = Duration.ofSeconds(15);

  private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
  private static final Pattern BUTTON = Pattern.compile("<button\\b[^>]*>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)=\"([^\"]*)\"");
  private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>(.*?)</form>", Pattern.DOTALL);

  private final DemoPlatform platform;
  private final DemoRoster roster;
  private final String language;
  private final HttpClient http;
  private final @Nullable DemoServer demo;

  /**
   * Checks this platform's launches for these members, as a browser asking for pages in {@code
   * language} ({@code fr} or {@code en}).
   */
  public DemoCheck(DemoPlatform platform, DemoRoster roster, String language) {
    this(platform, roster, language, null);
  }

  /** Checks a running demo: its launches, then its LTI Advantage {@link #cycle}. */
  public DemoCheck(DemoServer demo, String language) {
    this(demo.platform(), demo.roster(), language, demo);
  }

  private DemoCheck(
      DemoPlatform platform, DemoRoster roster, String language, @Nullable DemoServer demo) {
    this.demo = demo;
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
    try {
      HttpResponse<String> course = send(get(platform.home(), cookies));
      if (course.statusCode() != 200
          || !course.body().contains("id=\"launch-" + user.role().key() + "\"")) {
        return failed(
            user, platform.home().toString(), "HTTP " + course.statusCode() + ", no launch form");
      }
    } catch (IOException e) {
      return failed(user, platform.home().toString(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(user, platform.home().toString(), "interrupted");
    }
    return launch(user, DemoLms.loginUri(platform, user, language), true);
  }

  /**
   * A launch as this member starting at this login URL, ending on a page (200); with {@code
   * rolePage}, the role's page (an activity may open another page, e.g. its item).
   */
  private Result launch(DemoUser user, URI login, boolean rolePage) {
    Map<String, String> cookies = new LinkedHashMap<>();
    String[] step = {login.toString()};
    try {
      HttpResponse<String> home = landed(login, cookies, step);
      List<String> roles = all(ROLE, home.body());
      Matcher cohort = COHORT.matcher(home.body());
      String cohortLine = cohort.find() ? unescape(cohort.group(1)) : "";
      Optional<String> failure =
          !rolePage || roles.contains(user.role().name())
              ? Optional.empty()
              : Optional.of("expected role " + user.role() + ", page shows " + roles);
      return new Result(user.role(), user, step[0], roles, cohortLine, failure);
    } catch (UnexpectedStatus e) {
      return failed(user, step[0], e.getMessage());
    } catch (IOException e) {
      return failed(user, step[0], e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(user, step[0], "interrupted");
    }
  }

  /**
   * The tool's login (302 to the platform), the platform's form, the launch post (303), and the
   * page it leads to (200); {@code step[0]} follows where it is.
   */
  private HttpResponse<String> landed(URI login, Map<String, String> cookies, String[] step)
      throws IOException, InterruptedException {
    step[0] = login.toString();
    HttpResponse<String> toPlatform = expect(send(get(login, cookies)), 302, cookies);
    URI auth = location(toPlatform);
    step[0] = platform.authUrl().toString();
    HttpResponse<String> form = expect(send(get(auth, cookies)), 200, cookies);
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(form.body());
    while (hidden.find()) {
      fields.put(hidden.group(1), unescape(hidden.group(2)));
    }
    Matcher action = ACTION.matcher(form.body());
    if (!action.find() || !fields.containsKey("id_token") || !fields.containsKey("state")) {
      throw new UnexpectedStatus("no launch form");
    }
    URI launch = URI.create(unescape(action.group(1)));
    step[0] = launch.toString();
    HttpResponse<String> landed = expect(send(post(launch, fields, cookies)), 303, cookies);
    URI page = location(landed);
    step[0] = withoutQuery(page);
    HttpResponse<String> home = send(get(page, cookies));
    if (home.statusCode() == 303) { // a role lands on its own page (caseload, school, admin)
      page = location(expect(home, 303, cookies));
      step[0] = withoutQuery(page);
      home = send(get(page, cookies));
    }
    return expect(home, 200, cookies);
  }

  /** How a step of the cycle ended. */
  public enum Status {
    /** Done. */
    PASSED,
    /** Failed, or not run because an earlier step failed. */
    FAILED
  }

  /**
   * One step of the LTI Advantage cycle.
   *
   * @param name the step's name ({@value #ROSTER_READ}, {@value #PLACE_ACTIVITY}, {@value
   *     #LAUNCH_ACTIVITY}, {@value #RECORD_ASSESSMENT}, {@value #GRADE_IN_GRADEBOOK})
   * @param status how it ended
   * @param detail what it did or what went wrong
   */
  public record Step(String name, Status status, String detail) {
    /** The tool read the course's memberships (NRPS). */
    public static final String ROSTER_READ = "roster-read";

    /** The trainer placed a graded activity by deep linking. */
    public static final String PLACE_ACTIVITY = "place-activity";

    /** A learner launched the placed activity. */
    public static final String LAUNCH_ACTIVITY = "launch-activity";

    /** An assessment of that learner on the activity's competency, through the engine. */
    public static final String RECORD_ASSESSMENT = "record-assessment";

    /** Its score arrived in the demo gradebook (AGS). */
    public static final String GRADE_IN_GRADEBOOK = "grade-in-gradebook";

    /** Whether the step does not fail the check. */
    public boolean ok() {
      return status != Status.FAILED;
    }
  }

  /**
   * The LTI Advantage cycle on the running demo, step by step; a step that needs an earlier one
   * that did not pass is not run (reported failed). Only on a {@link DemoCheck} built on a {@link
   * DemoServer}; run after {@link #run} (the trainer's launch is what makes the tool read the
   * roster).
   */
  public List<Step> cycle() {
    if (demo == null) {
      throw new IllegalStateException("the cycle needs the running demo");
    }
    List<Step> steps = new ArrayList<>();
    try {
      steps.add(rosterRead(demo));
      Optional<DemoGradebook.Activity> activity = Optional.empty();
      Step placed;
      try {
        activity = placeActivity(demo);
        placed =
            step(
                Step.PLACE_ACTIVITY,
                true,
                activity.get().title()
                    + " → "
                    + activity.get().lineItem().map(i -> "line item " + i).orElse(""));
      } catch (StepFailed e) {
        placed = step(Step.PLACE_ACTIVITY, false, e.getMessage());
      }
      steps.add(placed);
      if (activity.isEmpty()) {
        for (String later :
            List.of(Step.LAUNCH_ACTIVITY, Step.RECORD_ASSESSMENT, Step.GRADE_IN_GRADEBOOK)) {
          steps.add(notRun(later, placed));
        }
        return steps;
      }
      DemoUser learner =
          roster.learners().stream()
              .filter(l -> !roster.inactive().contains(l.sub()))
              .findFirst()
              .orElseThrow();
      Result launched =
          launch(
              learner,
              DemoLms.activityLoginUri(platform, learner, language, activity.get()),
              false);
      steps.add(
          step(
              Step.LAUNCH_ACTIVITY,
              launched.ok(),
              learner.name()
                  + ": "
                  + launched.landedOn()
                  + launched.failure().map(f -> " — " + f).orElse("")));
      String resource =
          activity
              .get()
              .lineItem()
              .flatMap(i -> demo.lms().gradebook().lineItem(i))
              .map(DemoGradebook.LineItem::resourceId)
              .orElse("");
      if (!resource.startsWith(COMPETENCY)) {
        steps.add(
            step(
                Step.RECORD_ASSESSMENT,
                false,
                "the placed activity has no competency line item (" + resource + ")"));
        steps.add(notRun(Step.GRADE_IN_GRADEBOOK, steps.get(steps.size() - 1)));
        return steps;
      }
      String code = resource.substring(COMPETENCY.length());
      Instant recorded = demo.clock().instant();
      steps.add(recordAssessment(demo, learner, code));
      String lineItem = activity.get().lineItem().orElseThrow();
      Optional<DemoGradebook.Score> score =
          demo.lms()
              .gradebook()
              .awaitScore(
                  s ->
                      s.lineItem().equals(lineItem)
                          && s.userId().equals(learner.sub())
                          && !s.receivedAt().isBefore(recorded.minusSeconds(1)),
                  CYCLE_DEADLINE);
      steps.add(
          step(
              Step.GRADE_IN_GRADEBOOK,
              score.isPresent(),
              score
                  .map(
                      s ->
                          learner.name()
                              + ": "
                              + s.scoreGiven().map(String::valueOf).orElse("—")
                              + " / "
                              + s.scoreMaximum().map(String::valueOf).orElse("—")
                              + " "
                              + s.gradingProgress()
                              + " at "
                              + s.timestamp())
                  .orElse(
                      "no score for "
                          + learner.name()
                          + " on line item "
                          + lineItem
                          + " within "
                          + CYCLE_DEADLINE.toSeconds()
                          + " s")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      steps.add(new Step("interrupted", Status.FAILED, "interrupted"));
    }
    return steps;
  }

  private static final String COMPETENCY = "competency:";

  private Step rosterRead(DemoServer demo) throws InterruptedException {
    int before = demo.lms().services().rosterReads();
    if (before > 0) {
      return step(Step.ROSTER_READ, true, before + " page(s) of memberships read");
    }
    boolean read = demo.lms().services().awaitRosterRead(0, ROSTER_DEADLINE);
    return step(
        Step.ROSTER_READ,
        read,
        read
            ? demo.lms().services().rosterReads() + " page(s) of memberships read"
            : "the tool read no memberships within " + ROSTER_DEADLINE.toSeconds() + " s");
  }

  /**
   * The trainer's "add an activity": the deep linking launch, the tool's picker (the first
   * competency offered is chosen), its signed response posted back to the platform.
   */
  private Optional<DemoGradebook.Activity> placeActivity(DemoServer demo)
      throws InterruptedException, StepFailed {
    DemoUser trainer = roster.trainer();
    Map<String, String> cookies = new LinkedHashMap<>();
    int before = demo.lms().gradebook().activities().size();
    try {
      HttpResponse<String> picker =
          landed(
              DemoLms.deepLinkingLoginUri(platform, trainer, language), cookies, new String[] {""});
      Optional<PostedForm> choose =
          forms(picker).stream().filter(f -> f.action().contains("deep-linking")).findFirst();
      if (choose.isEmpty()) {
        throw new StepFailed(
            "the tool shows no deep linking picker (landed on " + withoutQuery(picker.uri()) + ")");
      }
      HttpResponse<String> answer =
          expect(
              send(post(choose.get().target(picker.uri()), choose.get().chosen(), cookies)),
              200,
              cookies);
      Optional<PostedForm> back =
          forms(answer).stream().filter(f -> f.fields().containsKey("JWT")).findFirst();
      if (back.isEmpty()) {
        throw new StepFailed("the tool's answer has no JWT form");
      }
      URI target = back.get().target(answer.uri());
      if (!target.equals(platform.deepLinkingReturnUrl())) {
        throw new StepFailed("the tool posts its response to " + target);
      }
      HttpResponse<String> placed = send(post(target, back.get().fields(), cookies));
      if (placed.statusCode() != 200) {
        Matcher why = Pattern.compile("id=\"error-reason\">([^<]*)<").matcher(placed.body());
        throw new StepFailed(
            "the platform refused the response: "
                + (why.find() ? unescape(why.group(1)) : placed.statusCode()));
      }
    } catch (UnexpectedStatus e) {
      throw new StepFailed(e.getMessage());
    } catch (IOException e) {
      throw new StepFailed(e.toString());
    }
    List<DemoGradebook.Activity> now = demo.lms().gradebook().activities();
    return now.subList(before, now.size()).stream()
        .filter(a -> a.lineItem().isPresent())
        .findFirst()
        .or(
            () -> {
              throw new StepFailed(
                  "no graded activity placed (" + (now.size() - before) + " placed)");
            });
  }

  private Step recordAssessment(DemoServer demo, DemoUser learner, String code) {
    try {
      var tremplin = demo.server().feature().tremplin();
      var cohort = demo.seeded().cohort();
      var trainer = DemoDataset.Cast.of(cohort.school(), cohort.id()).trainer();
      var id =
          new LearnerId(
              UUID.fromString(learner.sub().substring(DemoSeed.LEARNER_SUB_PREFIX.length())));
      LocalDate today = LocalDate.ofInstant(demo.clock().instant(), DemoDataset.ZONE);
      tremplin
          .evidence()
          .record(
              trainer,
              cohort.id(),
              new NewEvidence(
                  id,
                  new EvidenceTarget.OnCompetency(code),
                  EvidenceSource.TRAINER_ASSESSMENT,
                  AssessmentResult.ACQUIRED,
                  DemoDataset.ASSESSOR,
                  today,
                  "demo --check"));
      return step(
          Step.RECORD_ASSESSMENT, true, learner.name() + ": " + code + " acquired on " + today);
    } catch (RuntimeException e) {
      return step(Step.RECORD_ASSESSMENT, false, e.toString());
    }
  }

  private static Step step(String name, boolean passed, String detail) {
    return new Step(name, passed ? Status.PASSED : Status.FAILED, detail);
  }

  private static Step notRun(String name, Step because) {
    return new Step(name, Status.FAILED, "not run: " + because.name() + " did not pass");
  }

  /** A form of a page: where it posts and what a browser would send (first choice ticked). */
  private record PostedForm(String action, Map<String, String> fields, Map<String, String> chosen) {
    URI target(URI page) {
      return page.resolve(unescape(action));
    }
  }

  private static List<PostedForm> forms(HttpResponse<String> page) {
    List<PostedForm> forms = new ArrayList<>();
    Matcher form = FORM.matcher(page.body());
    while (form.find()) {
      Map<String, String> formAttributes =
          attributes(form.group(0).substring(0, form.group(0).indexOf('>') + 1));
      Map<String, String> fields = new LinkedHashMap<>();
      Map<String, String> chosen = new LinkedHashMap<>();
      String firstChoiceName = null;
      String preferred = null;
      Matcher input = INPUT.matcher(form.group(1));
      while (input.find()) {
        Map<String, String> a = attributes(input.group());
        String name = a.get("name");
        if (name == null) {
          continue;
        }
        String type = a.getOrDefault("type", "text");
        String value = unescape(a.getOrDefault("value", ""));
        if (type.equals("checkbox") || type.equals("radio")) {
          boolean competency = value.contains("competency") || value.matches(".*CP[0-9].*");
          if (firstChoiceName == null || (preferred == null && competency)) {
            firstChoiceName = name;
            chosen.remove(name);
            if (competency) {
              preferred = value;
            }
            chosen.put(name, value);
          }
        } else if (!type.equals("submit")) {
          fields.put(name, value);
        }
      }
      Matcher button = BUTTON.matcher(form.group(1));
      while (button.find()) {
        Map<String, String> a = attributes(button.group());
        if (a.containsKey("name")
            && !a.get("name").contains("cancel")
            && !a.getOrDefault("value", "").contains("cancel")) {
          fields.putIfAbsent(a.get("name"), unescape(a.getOrDefault("value", "")));
          break;
        }
      }
      Map<String, String> all = new LinkedHashMap<>(fields);
      all.putAll(chosen);
      forms.add(new PostedForm(formAttributes.getOrDefault("action", ""), fields, all));
    }
    return forms;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> a = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      a.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    return a;
  }

  private HttpRequest post(URI target, Map<String, String> fields, Map<String, String> cookies) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    if (!cookies.isEmpty()) {
      b.header("Cookie", cookieHeader(cookies));
    }
    return b.build();
  }

  /** A step of the cycle that did not pass. */
  private static final class StepFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailed(String message) {
      super(message);
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
