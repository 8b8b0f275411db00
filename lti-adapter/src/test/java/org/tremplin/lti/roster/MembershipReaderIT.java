package org.tremplin.lti.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.keys.ToolKeys;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.services.ServiceTokens;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.PlatformServices;
import org.tremplin.testing.PlatformServices.LinkStyle;
import org.tremplin.testing.PlatformServices.Member;
import org.tremplin.testing.SimulatedLms;

/** Reading memberships over real HTTP from a fake platform (LTI.md §6). */
class MembershipReaderIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final ToolKeys tool = ToolKeys.generate();
  private final SimulatedLms lms = new SimulatedLms("platform");
  private final PlatformServices platform =
      new PlatformServices(lms, "client", tool::publicKeySet, clock);
  private final PlatformRegistration registration =
      new PlatformRegistration(
          "LMS",
          lms.issuer(),
          "client",
          URI.create(lms.url("/auth")),
          URI.create(platform.tokenUrl()),
          URI.create(lms.url("/jwks")),
          Set.of("1"),
          false);
  private final MembershipReader reader =
      new MembershipReader(new ServiceTokens(tool, ServiceTokens.defaultClient(), clock));

  @AfterEach
  void stop() {
    lms.close();
  }

  private PlatformServices.Course course(int members, int pageSize) {
    PlatformServices.Course course = platform.course("c1").pageSize(pageSize);
    for (int i = 1; i <= members; i++) {
      course.add(Member.learner("u" + i, "G" + i, "F" + i, "u" + i + "@example.org"));
    }
    return course;
  }

  @ParameterizedTest
  @EnumSource(LinkStyle.class)
  void everyPageIsReadWhateverTheFormOfTheLinkHeader(LinkStyle style) {
    PlatformServices.Course course = course(7, 3).linkStyle(style).offerDifferences(true);

    Memberships read = reader.read(registration, URI.create(course.membershipsUrl()), true);

    assertThat(read.members())
        .extracting(RosterMember::userId)
        .containsExactly("u1", "u2", "u3", "u4", "u5", "u6", "u7");
    assertThat(read.pages()).isEqualTo(3);
    assertThat(read.differences()).isNotNull();
    assertThat(read.differences().getQuery()).startsWith("since=");
    assertThat(course.pageRequests()).isEqualTo(3);
  }

  @Test
  void everyPageIsAskedWithTheExactNrpsMediaType() {
    PlatformServices.Course course = course(4, 2);

    reader.read(registration, URI.create(course.membershipsUrl()), true);

    assertThat(course.accepts())
        .containsExactly(MembershipReader.MEDIA_TYPE, MembershipReader.MEDIA_TYPE);
  }

  @Test
  void sharedFieldsAreReadAndAbsentOnesStayAbsent() {
    PlatformServices.Course course =
        platform
            .course("c2")
            .add(Member.learner("u1", "Awa", "Diallo", "awa@example.org").withSourcedid("S1"))
            .add(Member.anonymousLearner("u2").withStatus("Inactive"));

    Memberships read = reader.read(registration, URI.create(course.membershipsUrl()), true);

    RosterMember awa = read.members().get(0);
    assertThat(awa.givenName()).isEqualTo("Awa");
    assertThat(awa.familyName()).isEqualTo("Diallo");
    assertThat(awa.email()).isEqualTo("awa@example.org");
    assertThat(awa.sourcedid()).isEqualTo("S1");
    assertThat(awa.status()).isEqualTo(MemberStatus.ACTIVE);
    RosterMember anonymous = read.members().get(1);
    assertThat(anonymous.name()).isNull();
    assertThat(anonymous.email()).isNull();
    assertThat(anonymous.status()).isEqualTo(MemberStatus.INACTIVE);
  }

  @Test
  void aServerErrorOnAPageIsUnreachableAndAClientErrorIsRefused() {
    PlatformServices.Course course = course(4, 2).failNext(503, 1);
    assertThatThrownBy(() -> reader.read(registration, URI.create(course.membershipsUrl()), true))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_UNREACHABLE));

    course.failNext(403, 1);
    assertThatThrownBy(() -> reader.read(registration, URI.create(course.membershipsUrl()), true))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_REFUSED));
  }

  @Test
  void aPageThatLinksBackToItselfEndsTheReadAsMalformed() {
    lms.serve(
        "/loop",
        exchange -> {
          if (!platform.authorized(exchange, PlatformServices.NRPS_SCOPE)) {
            return;
          }
          exchange.getResponseHeaders().add("Link", "<" + lms.url("/loop") + ">; rel=\"next\"");
          PlatformServices.respondJson(
              exchange,
              200,
              MembershipReader.MEDIA_TYPE,
              java.util.Map.of("members", java.util.List.of()));
        });

    assertThatThrownBy(() -> reader.read(registration, URI.create(lms.url("/loop")), true))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_BAD_RESPONSE));
  }

  @Test
  void anAnswerWithoutAMembersListIsABadResponse() {
    lms.serve(
        "/html",
        exchange -> {
          if (platform.authorized(exchange, PlatformServices.NRPS_SCOPE)) {
            SimulatedLms.respond(
                exchange,
                200,
                "text/html",
                "<html>Moodle error</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        });

    assertThatThrownBy(() -> reader.read(registration, URI.create(lms.url("/html")), true))
        .isInstanceOfSatisfying(
            LtiException.class,
            e -> assertThat(e.code()).isEqualTo(LtiErrorCode.LTI_SERVICE_BAD_RESPONSE));
  }
}
