package org.tremplin.web.api;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.alert.AlertsApiResource;
import org.tremplin.web.api.attendance.AttendanceApiResource;
import org.tremplin.web.api.coaching.CaseloadApiResource;
import org.tremplin.web.api.coaching.MeetingsApiResource;
import org.tremplin.web.api.cohort.CohortsResource;
import org.tremplin.web.api.evidence.EvidenceApiResource;
import org.tremplin.web.api.frame.ApiGuard;
import org.tremplin.web.api.frame.ProblemMapper;
import org.tremplin.web.api.frame.RateLimiter;
import org.tremplin.web.api.learner.LearnersResource;
import org.tremplin.web.api.path.ActionPlanApiResource;
import org.tremplin.web.api.path.BarriersApiResource;
import org.tremplin.web.api.path.ExitApiResource;
import org.tremplin.web.api.path.ImmersionsApiResource;
import org.tremplin.web.api.path.InsertionApiResource;
import org.tremplin.web.api.report.CohortReportsResource;
import org.tremplin.web.api.report.NetworkReportsResource;
import org.tremplin.web.api.report.SchoolReportsResource;
import org.tremplin.web.api.school.SchoolsResource;

/**
 * The REST API's JAX-RS components, built once by {@code TremplinFeature}: the guard (bearer
 * tokens, rate limit, entity tags), the problem mapper, every {@code /api/v1} resource, and {@code
 * GET /api/openapi.json} when swagger is on the class path. Stateless.
 */
public final class ApiComponents {
  private ApiComponents() {}

  /** Whether swagger, optional for hosts (ADR 0012), is on the class path. */
  static boolean swaggerPresent() {
    try {
      Class.forName("io.swagger.v3.jaxrs2.Reader", false, ApiComponents.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The resource classes of {@code /api/v1}, as the OpenAPI document is generated from them.
   *
   * @return the resource classes
   */
  public static List<Class<?>> resourceClasses() {
    return List.of(
        SchoolsResource.class,
        CohortsResource.class,
        LearnersResource.class,
        AttendanceApiResource.class,
        EvidenceApiResource.class,
        AlertsApiResource.class,
        SchoolReportsResource.class,
        CohortReportsResource.class,
        NetworkReportsResource.class,
        InsertionApiResource.class,
        BarriersApiResource.class,
        ActionPlanApiResource.class,
        ImmersionsApiResource.class,
        ExitApiResource.class,
        MeetingsApiResource.class,
        CaseloadApiResource.class);
  }

  /**
   * Every component of the REST API on this engine.
   *
   * @param tremplin the engine
   * @param rateLimit requests per minute per token, 0 for no limit
   * @param baseUrl the tool's public URL (the OpenAPI document's server)
   * @param clock the clock read for "today" and "now" (insertion path, meetings)
   * @return the providers and resources to register
   */
  public static List<Object> of(Tremplin tremplin, int rateLimit, URI baseUrl, Clock clock) {
    List<Object> components = new ArrayList<>();
    components.add(new ApiGuard(tremplin.tokens(), new RateLimiter(rateLimit)));
    components.add(new ProblemMapper());
    components.add(new SchoolsResource(tremplin));
    components.add(new CohortsResource(tremplin));
    components.add(new LearnersResource(tremplin));
    components.add(new AttendanceApiResource(tremplin));
    components.add(new EvidenceApiResource(tremplin));
    components.add(new AlertsApiResource(tremplin));
    components.add(new SchoolReportsResource(tremplin));
    components.add(new CohortReportsResource(tremplin));
    components.add(new NetworkReportsResource(tremplin));
    components.add(new InsertionApiResource(tremplin, clock));
    components.add(new BarriersApiResource(tremplin, clock));
    components.add(new ActionPlanApiResource(tremplin, clock));
    components.add(new ImmersionsApiResource(tremplin));
    components.add(new ExitApiResource(tremplin));
    components.add(new MeetingsApiResource(tremplin, clock));
    components.add(new CaseloadApiResource(tremplin));
    if (swaggerPresent()) {
      components.add(new OpenApiResource(baseUrl));
    }
    return List.copyOf(components);
  }
}
