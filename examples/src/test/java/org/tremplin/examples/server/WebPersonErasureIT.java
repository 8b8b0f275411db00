package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.identity.PlatformUser;

/**
 * The web pages' own personal data (a person's name as the platform gave it, the schools where they
 * opened Tremplin as a coach: the referent form's known coaches) is in the learner's export and
 * erasure with the rest, in the order the running tool registers it: found through the learner's
 * LMS accounts before those are forgotten.
 */
class WebPersonErasureIT {
  private LtiTestPlatform platform;

  @BeforeEach
  void start() throws Exception {
    platform = new LtiTestPlatform("web-person-erasure-it-" + System.nanoTime());
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aLearnersNameAndCoachPlacesAreExportedAndErasedButNotAnotherPersons() {
    Tremplin core = platform.tremplin.feature().tremplin();
    Actor admin = Actor.of("admin", Role.ADMIN, new Scope.Network());
    School school = core.schools().create(admin, "École du Web 93", new Departement("93"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.OfSchool(school.id()));
    Learner sam = core.learners().register(manager, school.id(), "Sam", "Coachlearner");
    platform
        .tremplin
        .feature()
        .directory()
        .linkLearner(
            new PlatformUser(platform.issuer, LtiTestPlatform.CLIENT_ID, "s-sam"), sam.id());
    UnitOfWork db = core.transactions();
    String person =
        db.read(
            h ->
                h.createQuery("select person_id from tremplin_lti_person where learner_id = :l")
                    .bind("l", sam.id().value())
                    .mapTo(String.class)
                    .one());
    for (String p : List.of(person, "lti:another-coach")) {
      db.inTransaction(
          h -> {
            h.createUpdate(
                    "insert into tremplin_web_person (person_id, display_name, updated_at)"
                        + " values (:p, :n, :at)")
                .bind("p", p)
                .bind("n", p.equals(person) ? "Sam Coachlearner" : "Camille Autre")
                .bind("at", UnitOfWork.timestamp(Instant.now()))
                .execute();
            return h.createUpdate(
                    "insert into tremplin_web_school_coach (school_id, person_id, seen_at)"
                        + " values (:s, :p, :at)")
                .bind("s", school.id().value())
                .bind("p", p)
                .bind("at", UnitOfWork.timestamp(Instant.now()))
                .execute();
          });
    }

    String export = core.privacy().export(manager, sam.id());
    assertThat(export)
        .contains("\"webPersonNames\"", "Sam Coachlearner", "\"webSchoolCoaches\"")
        .doesNotContain("Camille Autre");

    core.privacy().erase(manager, sam.id());

    assertThat(count(db, "tremplin_web_person", person)).isZero();
    assertThat(count(db, "tremplin_web_school_coach", person)).isZero();
    assertThat(count(db, "tremplin_web_person", "lti:another-coach")).isOne();
    assertThat(count(db, "tremplin_web_school_coach", "lti:another-coach")).isOne();
  }

  private static int count(UnitOfWork db, String table, String person) {
    return db.read(
        h ->
            h.createQuery("select count(*) from " + table + " where person_id = :p")
                .bind("p", person)
                .mapTo(Integer.class)
                .one());
  }
}
