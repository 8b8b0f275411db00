package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.examples.server.LtiTestPlatform.MEMBERSHIP;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.MutableClock;

/**
 * Every attendance page is a page of the one layout (one {@code <h1>}, {@code lang}, the
 * stylesheet), escapes hostile names, and the scripts it references are served (CSP: scripts only
 * as Tremplin's own files).
 */
class AttendancePagesIT {
  private static final String HOSTILE = "<script>alert(1)</script>";
  private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
  private static final Pattern SCRIPT = Pattern.compile("<script src=\"([^\"]+)\" defer>");

  private static final MutableClock clock =
      new MutableClock(Instant.parse("2026-03-10T08:30:00Z"), ZoneId.of("Europe/Paris"));
  private static LtiTestPlatform platform;
  private static Learner hostile;
  private static URI home;
  private static LtiTestPlatform.Browser trainer;

  @BeforeAll
  static void start() throws Exception {
    platform = new LtiTestPlatform("attendance-pages-it", lms -> Map.of(), clock);
    Tremplin core = platform.tremplin.feature().tremplin();
    LtiTestPlatform.Seeded seeded = platform.seedCohort("Promo " + HOSTILE, "s-ada");
    hostile = core.learners().register(seeded.manager(), seeded.school().id(), HOSTILE, HOSTILE);
    core.learners()
        .join(seeded.manager(), seeded.cohort().id(), hostile.id(), LocalDate.of(2025, 9, 1));
    HalfDay monday = HalfDay.am(LocalDate.of(2026, 3, 9));
    core.attendance()
        .record(
            seeded.manager(),
            seeded.cohort().id(),
            new AttendanceEntry(hostile.id(), monday, AttendanceMark.of(Mark.PRESENT)));
    platform.linkCourse("course-1", seeded.cohort());
    trainer = platform.browser();
    HttpResponse<String> launch =
        trainer.launch(
            "s-trainer",
            "course-1",
            List.of(MEMBERSHIP + "#Instructor"),
            Map.of(
                "name", HOSTILE,
                "iat", Date.from(clock.instant()),
                "exp", Date.from(clock.instant().plus(Duration.ofMinutes(5)))));
    home = URI.create(launch.headers().firstValue("Location").orElseThrow());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void todaysSheetIsALayoutPageThatEscapesNamesAndServesItsScripts() throws Exception {
    HttpResponse<String> sheet = get("attendance?");

    assertPage(sheet, 200);
    assertThat(sheet.body()).contains("<legend>" + ESCAPED + " " + ESCAPED + "</legend>");
  }

  @Test
  void aRecordedSheetAndTheCorrectionPageAreLayoutPagesThatEscapeNames() throws Exception {
    HttpResponse<String> recorded = get("attendance?day=2026-03-09&part=AM&");
    assertPage(recorded, 200);
    assertThat(recorded.body()).contains("<span class=\"name\">" + ESCAPED + " " + ESCAPED);

    HttpResponse<String> correction =
        get("attendance/correction?day=2026-03-09&part=AM&learner=" + hostile.id().value() + "&");
    assertPage(correction, 200);
    assertThat(correction.body()).contains(ESCAPED);
  }

  @Test
  void theMessagePagesAreLayoutPagesToo() throws Exception {
    assertPage(get("attendance?day=2026-03-07&part=AM&"), 404); // a Saturday
    assertPage(get("attendance?day=nonsense&part=AM&"), 404);
    assertPage(get("attendance/correction?day=2026-03-09&part=AM&learner=x&"), 404);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return trainer.get(home.resolve(path + home.getRawQuery()));
  }

  private static void assertPage(HttpResponse<String> page, int status) throws Exception {
    String html = page.body();
    assertThat(page.statusCode()).as(html).isEqualTo(status);
    assertThat(html).contains("<html lang=\"fr\">").contains("<main id=\"main\">");
    assertThat(html.split("<h1[\\s>]", -1)).as("one <h1>").hasSize(2);
    assertThat(html).doesNotContain(HOSTILE);
    assertThat(page.headers().allValues("Content-Security-Policy"))
        .anySatisfy(csp -> assertThat(csp).contains("script-src 'self'"));
    Matcher scripts = SCRIPT.matcher(html);
    while (scripts.find()) {
      HttpResponse<String> script = trainer.get(page.uri().resolve(scripts.group(1)));
      assertThat(script.statusCode()).as(scripts.group(1)).isEqualTo(200);
    }
  }
}
