package org.tremplin.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.tremplin.core.Tremplin;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.keys.JdbiToolKeys;
import org.tremplin.lti.session.AppSession;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;
import org.tremplin.web.session.RequestSession;

/** {@link FormGuard} on H2 and PostgreSQL: CSRF values, and writes run once per submission. */
class FormGuardIT {
  private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
  private static final URI NEXT = URI.create("http://tool.test/app/attendance?session=t");

  private final MutableClock clock = new MutableClock(NOW);

  private record Setup(FormGuard guard, UnitOfWork work) {}

  private Setup setup(TestDatabase db) {
    Tremplin tremplin = Tremplin.create(db.fresh(), clock);
    UnitOfWork work = LtiSchema.install(tremplin);
    WebSchema.install(tremplin);
    return new Setup(new FormGuard(new JdbiToolKeys(work, clock), work, clock), work);
  }

  private static RequestSession session(String person, String token) {
    return new RequestSession(
        token,
        new AppSession(person, "Ada", List.of(), null, null, Locale.FRENCH, NOW.plusSeconds(3600)));
  }

  private static MultivaluedMap<String, String> form(HiddenFields fields) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    form.add(fields.sessionName(), fields.session());
    form.add(fields.csrfName(), fields.csrf());
    form.add(fields.submissionName(), fields.submission());
    return form;
  }

  private static int rows(UnitOfWork work) {
    return work.read(
        h ->
            h.createQuery("select count(*) from tremplin_web_submission")
                .mapTo(Integer.class)
                .one());
  }

  @AllDatabases
  void aSessionsCsrfValueMatchesItselfOnlyAndIsNotTheToken(TestDatabase db) {
    FormGuard guard = setup(db).guard();
    String token = "a".repeat(43);
    HiddenFields fields = guard.fields(session("p-1", token));

    assertThat(fields.csrf()).isEqualTo(guard.csrf(token)).isNotEqualTo(token);
    assertThat(guard.fields(session("p-1", token)).csrf()).isEqualTo(fields.csrf());
    assertThat(guard.csrfMatches(token, fields.csrf())).isTrue();
    assertThat(guard.csrfMatches("b".repeat(43), fields.csrf())).isFalse();
    assertThat(guard.csrfMatches(token, null)).isFalse();
    assertThat(guard.csrfMatches(token, "")).isFalse();
    assertThat(guard.csrfMatches(token, fields.csrf() + "x")).isFalse();
  }

  @AllDatabases
  void eachRenderedFormHasItsOwnSubmissionId(TestDatabase db) {
    FormGuard guard = setup(db).guard();
    RequestSession session = session("p-1", "a".repeat(43));

    assertThat(guard.fields(session).submission()).isNotEqualTo(guard.fields(session).submission());
  }

  @AllDatabases
  void aRepeatedSubmissionWritesNothingAndAnswersAsTheFirstDid(TestDatabase db) {
    Setup s = setup(db);
    RequestSession session = session("p-1", "a".repeat(43));
    MultivaluedMap<String, String> form = form(s.guard().fields(session));
    AtomicInteger writes = new AtomicInteger();

    Response first = s.guard().once(session, form, () -> count(writes, NEXT), FormGuardIT::refusal);
    Response second =
        s.guard()
            .once(
                session,
                form,
                () -> count(writes, URI.create("http://elsewhere.test/")),
                FormGuardIT::refusal);

    assertThat(writes).hasValue(1);
    assertThat(first.getStatus()).isEqualTo(303);
    assertThat(first.getLocation()).isEqualTo(NEXT);
    assertThat(second.getStatus()).isEqualTo(303);
    assertThat(second.getLocation()).isEqualTo(NEXT);
    assertThat(rows(s.work())).isEqualTo(1);
  }

  @AllDatabases
  void aRefusedSubmissionSpendsNothingAndMayBeSentAgain(TestDatabase db) {
    Setup s = setup(db);
    RequestSession session = session("p-1", "a".repeat(43));
    MultivaluedMap<String, String> form = form(s.guard().fields(session));

    Response refused =
        s.guard()
            .once(
                session,
                form,
                () -> FormGuard.Submitted.refused(Response.status(400).build()),
                FormGuardIT::refusal);
    AtomicInteger writes = new AtomicInteger();
    Response accepted =
        s.guard().once(session, form, () -> count(writes, NEXT), FormGuardIT::refusal);

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(accepted.getStatus()).isEqualTo(303);
    assertThat(writes).hasValue(1);
  }

  @AllDatabases
  void aWriteThatFailsRollsBackItsSubmissionId(TestDatabase db) {
    Setup s = setup(db);
    RequestSession session = session("p-1", "a".repeat(43));
    MultivaluedMap<String, String> form = form(s.guard().fields(session));

    try {
      s.guard()
          .once(
              session,
              form,
              () -> {
                throw new IllegalStateException("boom");
              },
              FormGuardIT::refusal);
    } catch (IllegalStateException expected) {
      // propagated after the rollback
    }

    assertThat(rows(s.work())).isZero();
  }

  @AllDatabases
  void aPostWithoutASubmissionIdIsRefusedAndRunsNothing(TestDatabase db) {
    Setup s = setup(db);
    RequestSession session = session("p-1", "a".repeat(43));
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    form.add(FormGuard.SUBMISSION, "short");
    AtomicInteger writes = new AtomicInteger();

    Response response =
        s.guard().once(session, form, () -> count(writes, NEXT), FormGuardIT::refusal);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(writes).hasValue(0);
  }

  @AllDatabases
  void anotherPersonsSubmissionIdIsTheirsNotOurs(TestDatabase db) {
    Setup s = setup(db);
    RequestSession ada = session("p-1", "a".repeat(43));
    RequestSession bob = session("p-2", "b".repeat(43));
    MultivaluedMap<String, String> form = form(s.guard().fields(ada));
    AtomicInteger writes = new AtomicInteger();

    s.guard().once(ada, form, () -> count(writes, NEXT), FormGuardIT::refusal);
    s.guard().once(bob, form, () -> count(writes, NEXT), FormGuardIT::refusal);

    assertThat(writes).hasValue(2);
  }

  @AllDatabases
  void submissionIdsAreForgottenOnceTheirSessionsAreOver(TestDatabase db) {
    Setup s = setup(db);
    RequestSession session = session("p-1", "a".repeat(43));
    s.guard()
        .once(
            session,
            form(s.guard().fields(session)),
            () -> FormGuard.Submitted.done(NEXT),
            FormGuardIT::refusal);

    assertThat(s.guard().purgeExpired()).isZero();
    clock.advance(FormGuard.SUBMISSION_TIME_TO_LIVE.plus(Duration.ofSeconds(1)));
    assertThat(s.guard().purgeExpired()).isEqualTo(1);
    assertThat(rows(s.work())).isZero();
  }

  private static FormGuard.Submitted count(AtomicInteger writes, URI next) {
    writes.incrementAndGet();
    return FormGuard.Submitted.done(next);
  }

  private static Response refusal(int status) {
    return Response.status(status).build();
  }
}
