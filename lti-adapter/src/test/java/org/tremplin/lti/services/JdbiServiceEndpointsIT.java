package org.tremplin.lti.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.launch.ServiceClaims;
import org.tremplin.lti.testing.LtiDatabase;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.MutableClock;
import org.tremplin.testing.TestDatabase;

/** The service endpoints remembered from launches, on H2 and PostgreSQL. */
class JdbiServiceEndpointsIT {
  private static final CourseContext COURSE = new CourseContext("https://lms", "client", "1", "c1");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

  @AllDatabases
  void aLaunchsEndpointsAreRememberedForItsCourseAndItsResourceLink(TestDatabase db) {
    ServiceEndpoints endpoints = new JdbiServiceEndpoints(LtiDatabase.open(db), clock);

    endpoints.remember(launch("link-1", claims("https://lms/nrps/c1", "https://lms/li/7")));

    CourseServices seen = endpoints.of(COURSE).orElseThrow();
    assertThat(seen.membershipsUrl()).isEqualTo(URI.create("https://lms/nrps/c1"));
    assertThat(seen.nrpsVersions()).containsExactly("2.0");
    assertThat(seen.lineItemsUrl()).isEqualTo(URI.create("https://lms/ags/c1/lineitems?type_id=7"));
    assertThat(seen.agsScopes())
        .containsExactlyInAnyOrder(ServiceScopes.AGS_SCORE, ServiceScopes.AGS_LINEITEM);
    assertThat(seen.seenAt()).isEqualTo(clock.instant());
    assertThat(endpoints.lineItemOf(COURSE, "link-1")).contains(URI.create("https://lms/li/7"));
    assertThat(endpoints.lineItemOf(COURSE, "link-2")).isEmpty();
  }

  @AllDatabases
  void aLaterLaunchWithoutTheServiceShowsThePlatformStoppedOfferingIt(TestDatabase db) {
    ServiceEndpoints endpoints = new JdbiServiceEndpoints(LtiDatabase.open(db), clock);
    endpoints.remember(launch("link-1", claims("https://lms/nrps/c1", null)));

    endpoints.remember(launch("link-1", ServiceClaims.NONE));

    CourseServices seen = endpoints.of(COURSE).orElseThrow();
    assertThat(seen.memberships()).isEmpty();
    assertThat(seen.lineItems()).isEmpty();
  }

  @AllDatabases
  void aLaunchWithoutAContextRemembersNothing(TestDatabase db) {
    UnitOfWork work = LtiDatabase.open(db);
    ServiceEndpoints endpoints = new JdbiServiceEndpoints(work, clock);

    endpoints.remember(launchWithoutContext());

    int rows =
        work.read(
            h ->
                h.createQuery("select count(*) from tremplin_lti_course_services")
                    .mapTo(Integer.class)
                    .one());
    assertThat(rows).isZero();
  }

  private static ServiceClaims claims(String memberships, String lineItem) {
    return ServiceClaims.read(
        Map.of(
            ServiceClaims.NAMES_ROLE_SERVICE,
            Map.of("context_memberships_url", memberships, "service_versions", List.of("2.0")),
            ServiceClaims.AGS_ENDPOINT,
            lineItem == null
                ? Map.of(
                    "lineitems",
                    "https://lms/ags/c1/lineitems?type_id=7",
                    "scope",
                    List.of(ServiceScopes.AGS_SCORE, ServiceScopes.AGS_LINEITEM))
                : Map.of(
                    "lineitems",
                    "https://lms/ags/c1/lineitems?type_id=7",
                    "lineitem",
                    lineItem,
                    "scope",
                    List.of(ServiceScopes.AGS_SCORE, ServiceScopes.AGS_LINEITEM))));
  }

  private static LaunchContext launch(String link, ServiceClaims services) {
    return new LaunchContext(
        COURSE.issuer(),
        COURSE.clientId(),
        COURSE.deploymentId(),
        false,
        "sub-1",
        null,
        "LtiResourceLinkRequest",
        COURSE.contextId(),
        "Course",
        link,
        List.of(),
        List.of(),
        "https://tool/lti/launch",
        Map.of(),
        null,
        services);
  }

  private static LaunchContext launchWithoutContext() {
    return new LaunchContext(
        COURSE.issuer(),
        COURSE.clientId(),
        COURSE.deploymentId(),
        false,
        "sub-1",
        null,
        "LtiResourceLinkRequest",
        null,
        null,
        "l",
        List.of(),
        List.of(),
        "https://tool/lti/launch",
        Map.of(),
        null,
        claims("https://lms/nrps/c1", null));
  }
}
