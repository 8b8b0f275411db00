package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tremplin.lti.login.LoginState;

/**
 * Nobody grows the database without signing in (issue 10, item 7): {@code /lti/login} writes no
 * row, yet the login it starts launches, once.
 */
class UnauthenticatedWritesIT {
  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  private static LtiTestPlatform platform;

  @BeforeAll
  static void startTool() throws Exception {
    platform = new LtiTestPlatform("unauthenticated-writes-it");
    platform.linkCourse("course-1", platform.seedCohort("Promo", "s-ada").cohort());
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void twoHundredLoginsWriteNoRowAnywhere() throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();
    browser.login(platform.loginParameters("warm-up")); // the tool key exists from here on
    Map<String, Long> before = rowCounts();

    for (int i = 0; i < 200; i++) {
      browser.login(platform.loginParameters("s-" + i));
    }

    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void aLoginStillLaunchesOnceAndItsReplayIsRefusedAsAnUnknownState() throws Exception {
    LtiTestPlatform.Browser browser = platform.browser();
    LtiTestPlatform.Login login = browser.login(platform.loginParameters("s-ada"));
    String idToken =
        platform.sign(
            platform.claims(login.nonce(), "s-ada", "course-1", List.of(LEARNER)).build());

    HttpResponse<String> first = browser.launch(login, idToken);
    HttpResponse<String> replay = browser.launch(login, idToken);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
    assertThat(first.headers().allValues("Set-Cookie"))
        .as("the used binding cookie is deleted")
        .anyMatch(c -> c.startsWith(LoginState.cookieName(login.state()) + "=;"))
        .anyMatch(c -> c.contains("Max-Age=0"));
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("STATE_UNKNOWN");
  }

  private static Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = platform.database.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select table_name from information_schema.tables"
                  + " where table_name like 'tremplin_%' order by table_name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).contains("tremplin_lti_nonce", "tremplin_lti_session");
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }
}
