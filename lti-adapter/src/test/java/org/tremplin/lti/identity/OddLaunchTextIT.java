package org.tremplin.lti.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.lti.identity.IdentityFixture.CLIENT;
import static org.tremplin.lti.identity.IdentityFixture.DEPLOYMENT;
import static org.tremplin.lti.identity.IdentityFixture.ISSUER;
import static org.tremplin.lti.identity.IdentityFixture.M;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.IssuedSession;
import org.tremplin.lti.session.JdbiSessions;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/**
 * Valid but odd texts from a platform (issue 10, item 3) reach the database cleaned and bounded on
 * H2 and PostgreSQL: a launch with them opens a session instead of failing with {@code
 * STORE_FAILURE}.
 */
class OddLaunchTextIT {

  private static LaunchContext launchNamed(String name, String courseTitle) {
    return new LaunchContext(
        ISSUER,
        CLIENT,
        DEPLOYMENT,
        false,
        "s-ada",
        name,
        LtiClaims.RESOURCE_LINK_REQUEST,
        IdentityFixture.COURSE,
        courseTitle,
        "rl-1",
        List.of(M + "#Learner"),
        List.of(),
        "https://tool.example/lti/launch",
        Map.of("note", "a\u0000b".repeat(3000)),
        "fr\u0000");
  }

  private static AppSession openAndReadBack(IdentityFixture f, LaunchContext launch) {
    Landing landing =
        f.identities.resolve(
            launch, new RoleMapper().map(launch.roles()), Locale.FRENCH, f.clock.instant());
    assertThat(landing).isInstanceOf(Landing.Home.class);
    JdbiSessions sessions = new JdbiSessions(f.database, f.clock);
    IssuedSession issued = sessions.open(((Landing.Home) landing).session());
    return sessions.find(issued.token()).orElseThrow();
  }

  @AllDatabases
  void aTenThousandCharacterNameIsStoredCutToTwoHundred(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();
    f.directory.linkLearner(f.user("s-ada"), f.ada.id());

    AppSession session = openAndReadBack(f, launchNamed("A".repeat(10_000), "T".repeat(10_000)));

    assertThat(session.displayName()).hasSize(200).startsWith("AAAA").endsWith("…");
  }

  @AllDatabases
  void aNameWithANulAndABidiOverrideIsStoredWithoutThem(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();
    f.directory.linkLearner(f.user("s-ada"), f.ada.id());

    AppSession session = openAndReadBack(f, launchNamed("Ada\u0000 \u202eLovelace", "DWWM\u0000"));

    assertThat(session.displayName()).isEqualTo("Ada Lovelace");
  }
}
