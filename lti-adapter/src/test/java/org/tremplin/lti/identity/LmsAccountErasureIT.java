package org.tremplin.lti.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.lti.identity.IdentityFixture.M;
import static org.tremplin.lti.identity.IdentityFixture.launch;

import java.util.List;
import java.util.Locale;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.session.AppSession;
import org.tremplin.lti.session.IssuedSession;
import org.tremplin.lti.session.JdbiSessions;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** A learner's LMS accounts and open sessions in the privacy office's export and erasure. */
class LmsAccountErasureIT {
  private final RoleMapper roles = new RoleMapper();

  private IssuedSession launchAs(IdentityFixture f, JdbiSessions sessions, String sub) {
    Landing landing =
        f.identities.resolve(
            launch(sub, List.of(M + "#Learner")),
            roles.map(List.of(M + "#Learner")),
            Locale.FRENCH,
            f.clock.instant());
    assertThat(landing).isInstanceOf(Landing.Home.class);
    AppSession draft = ((Landing.Home) landing).session();
    return sessions.open(draft);
  }

  @AllDatabases
  void erasingALearnerEndsTheirOpenSessionsAndForgetsTheirAccountsButNotOthers(TestDatabase db) {
    IdentityFixture f = new IdentityFixture(db);
    f.linkCourse();
    f.directory.linkLearner(f.user("s-ada"), f.ada.id());
    f.directory.linkLearner(f.user("s-bob"), f.bob.id());
    JdbiSessions sessions = new JdbiSessions(f.database, f.clock);
    IssuedSession ada = launchAs(f, sessions, "s-ada");
    IssuedSession bob = launchAs(f, sessions, "s-bob");
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(f.school.id()));

    String export = f.tremplin.privacy().export(manager, f.ada.id());
    assertThat(export).contains("\"lmsSessions\"").contains("Ada Lovelace").contains("s-ada");
    assertThat(export).doesNotContain(ada.token());

    f.tremplin.privacy().erase(manager, f.ada.id());

    assertThat(sessions.find(ada.token())).isEmpty();
    assertThat(f.directory.learnerOf(f.user("s-ada"))).isEmpty();
    assertThat(sessions.find(bob.token())).isPresent();
    assertThat(f.directory.learnerOf(f.user("s-bob"))).contains(f.bob.id());
  }
}
