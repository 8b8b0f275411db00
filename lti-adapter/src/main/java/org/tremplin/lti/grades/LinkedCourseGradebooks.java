package org.tremplin.lti.grades;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.TremplinException;
import org.tremplin.core.persistence.UnitOfWork;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.registration.Registrations;
import org.tremplin.lti.services.CourseServices;
import org.tremplin.lti.services.ServiceEndpoints;

/**
 * The gradebook of the course a cohort is linked to ({@code tremplin_lti_context}): the AGS
 * endpoint its launches carried ({@link ServiceEndpoints}) and its platform's registration. When
 * several courses are linked to the cohort, the one whose launch was seen last. Thread-safe.
 */
public final class LinkedCourseGradebooks implements Gradebooks {
  private final UnitOfWork database;
  private final ServiceEndpoints endpoints;
  private final Registrations registrations;

  /** Reading course links on this database, endpoints and registrations from these stores. */
  public LinkedCourseGradebooks(
      UnitOfWork database, ServiceEndpoints endpoints, Registrations registrations) {
    this.database = TremplinException.required(database, "database");
    this.endpoints = TremplinException.required(endpoints, "endpoints");
    this.registrations = TremplinException.required(registrations, "registrations");
  }

  @Override
  public Optional<CourseGradebook> of(CohortId cohort) {
    List<CourseContext> courses =
        database.read(
            h ->
                h.createQuery(
                        """
                        select issuer, client_id, deployment_id, context_id
                        from tremplin_lti_context where cohort_id = :cohort
                        """)
                    .bind("cohort", cohort.value())
                    .map(
                        (rs, ctx) ->
                            new CourseContext(
                                rs.getString("issuer"),
                                rs.getString("client_id"),
                                rs.getString("deployment_id"),
                                rs.getString("context_id")))
                    .list());
    return courses.stream()
        .map(endpoints::of)
        .flatMap(Optional::stream)
        .filter(s -> s.lineItems().isPresent() && !s.agsScopes().isEmpty())
        .max(Comparator.comparing(CourseServices::seenAt))
        .flatMap(this::gradebook);
  }

  private Optional<CourseGradebook> gradebook(CourseServices services) {
    URI lineItems = services.lineItems().orElseThrow();
    return registrations
        .find(services.course().issuer(), services.course().clientId())
        .map(r -> new CourseGradebook(r, lineItems, services.agsScopes()));
  }
}
