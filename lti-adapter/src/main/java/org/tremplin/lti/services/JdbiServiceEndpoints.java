package org.tremplin.lti.services;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.launch.ServiceClaims;

/**
 * {@link ServiceEndpoints} in the database (tables {@code tremplin_lti_course_services} and {@code
 * tremplin_lti_link_services}, migration V5), shared by every node. A launch writes only when what
 * it carries differs from what is stored, or the stored row is older than {@link #REFRESH}, so
 * ordinary launches cost one read. Thread-safe.
 */
public final class JdbiServiceEndpoints implements ServiceEndpoints {
  /** How old a stored row may grow before an identical launch refreshes its time. */
  public static final java.time.Duration REFRESH = java.time.Duration.ofHours(1);

  private final UnitOfWork database;
  private final Clock clock;

  /** On core's unit of work, once the adapter's tables are installed. */
  public JdbiServiceEndpoints(UnitOfWork database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public void remember(LaunchContext launch) {
    Optional<CourseContext> course = launch.course();
    if (course.isEmpty()) {
      return;
    }
    ServiceClaims claims = launch.services();
    CourseServices seen =
        new CourseServices(
            course.get(),
            claims.membershipsUrl(),
            claims.nrpsVersions(),
            claims.lineItemsUrl(),
            claims.agsScopes(),
            clock.instant());
    Optional<CourseServices> stored = of(course.get());
    boolean same =
        stored.isPresent()
            && sameEndpoints(stored.get(), seen)
            && stored.get().seenAt().plus(REFRESH).isAfter(seen.seenAt());
    URI lineItem = claims.lineItemUrl();
    String link = launch.resourceLinkId();
    boolean linkSame =
        lineItem == null
            || link == null
            || lineItemOf(course.get(), link).map(lineItem::equals).orElse(false);
    if (same && linkSame) {
      return;
    }
    try {
      database.inTransaction(
          h -> {
            if (!same) {
              upsertCourse(h, seen);
            }
            if (!linkSame) {
              upsertLink(h, course.get(), link, lineItem);
            }
            return null;
          });
    } catch (RuntimeException e) {
      if (!UnitOfWork.isUniqueViolation(e)) {
        throw e;
      }
      // a concurrent launch of the same course wrote its endpoints first: as good as ours
    }
  }

  @Override
  public Optional<CourseServices> of(CourseContext course) {
    return database.read(
        h ->
            bind(
                    h.createQuery(
                        """
                        select memberships_url, nrps_versions, lineitems_url, ags_scopes, seen_at
                        from tremplin_lti_course_services
                        where issuer = :iss and client_id = :client and deployment_id = :dep
                          and context_id = :ctx
                        """),
                    course)
                .map((rs, ctx) -> read(rs, course))
                .findOne());
  }

  @Override
  public Optional<URI> lineItemOf(CourseContext course, String resourceLinkId) {
    return database.read(
        h ->
            bind(
                    h.createQuery(
                        """
                        select lineitem_url from tremplin_lti_link_services
                        where issuer = :iss and client_id = :client and deployment_id = :dep
                          and context_id = :ctx and resource_link_id = :link
                        """),
                    course)
                .bind("link", resourceLinkId)
                .mapTo(String.class)
                .findOne()
                .map(URI::create));
  }

  private static boolean sameEndpoints(CourseServices a, CourseServices b) {
    return java.util.Objects.equals(a.membershipsUrl(), b.membershipsUrl())
        && a.nrpsVersions().equals(b.nrpsVersions())
        && java.util.Objects.equals(a.lineItemsUrl(), b.lineItemsUrl())
        && a.agsScopes().equals(b.agsScopes());
  }

  private void upsertCourse(Handle h, CourseServices s) {
    bind(
            h.createUpdate(
                """
                delete from tremplin_lti_course_services
                where issuer = :iss and client_id = :client and deployment_id = :dep
                  and context_id = :ctx
                """),
            s.course())
        .execute();
    bind(
            h.createUpdate(
                """
                insert into tremplin_lti_course_services
                  (issuer, client_id, deployment_id, context_id, memberships_url, nrps_versions,
                   lineitems_url, ags_scopes, seen_at)
                values (:iss, :client, :dep, :ctx, :nrps, :versions, :lineitems, :scopes, :at)
                """),
            s.course())
        .bind("nrps", text(s.membershipsUrl()))
        .bind("versions", String.join(" ", s.nrpsVersions()))
        .bind("lineitems", text(s.lineItemsUrl()))
        .bind("scopes", String.join(" ", new TreeSet<>(s.agsScopes())))
        .bind("at", UnitOfWork.timestamp(s.seenAt()))
        .execute();
  }

  private void upsertLink(Handle h, CourseContext course, String link, URI lineItem) {
    bind(
            h.createUpdate(
                """
                delete from tremplin_lti_link_services
                where issuer = :iss and client_id = :client and deployment_id = :dep
                  and context_id = :ctx and resource_link_id = :link
                """),
            course)
        .bind("link", link)
        .execute();
    bind(
            h.createUpdate(
                """
                insert into tremplin_lti_link_services
                  (issuer, client_id, deployment_id, context_id, resource_link_id, lineitem_url,
                   seen_at)
                values (:iss, :client, :dep, :ctx, :link, :lineitem, :at)
                """),
            course)
        .bind("link", link)
        .bind("lineitem", lineItem.toString())
        .bind("at", UnitOfWork.timestamp(clock.instant()))
        .execute();
  }

  private static CourseServices read(ResultSet rs, CourseContext course) throws SQLException {
    return new CourseServices(
        course,
        uri(rs.getString("memberships_url")),
        words(rs.getString("nrps_versions")),
        uri(rs.getString("lineitems_url")),
        Set.copyOf(words(rs.getString("ags_scopes"))),
        UnitOfWork.instant(rs, "seen_at"));
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.split(" ")).filter(w -> !w.isEmpty()).toList();
  }

  private static @Nullable URI uri(@Nullable String text) {
    return text == null ? null : URI.create(text);
  }

  private static @Nullable String text(@Nullable URI uri) {
    return uri == null ? null : uri.toString();
  }

  /** Binds the course's four key columns. */
  static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(
      T statement, CourseContext c) {
    return statement
        .bind("iss", c.issuer())
        .bind("client", c.clientId())
        .bind("dep", c.deploymentId())
        .bind("ctx", c.contextId());
  }
}
