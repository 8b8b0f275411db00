package org.tremplin.web.api;

import java.util.ArrayList;
import java.util.List;
import org.tremplin.core.Tremplin;
import org.tremplin.web.api.frame.ApiGuard;
import org.tremplin.web.api.frame.ProblemMapper;
import org.tremplin.web.api.frame.RateLimiter;

/**
 * The REST API's JAX-RS components, built once by {@code TremplinFeature}: the guard (bearer
 * tokens, rate limit, entity tags), the problem mapper, every {@code /api/v1} resource, and {@code
 * GET /api/openapi.json} when swagger is on the class path. Stateless.
 */
public final class ApiComponents {
  private ApiComponents() {}

  /**
   * The resource classes of {@code /api/v1}, as the OpenAPI document is generated from them.
   *
   * @return the resource classes
   */
  public static List<Class<?>> resourceClasses() {
    return List.of();
  }

  /**
   * Every component of the REST API on this engine.
   *
   * @param tremplin the engine
   * @param rateLimit requests per minute per token, 0 for no limit
   * @return the providers and resources to register
   */
  public static List<Object> of(Tremplin tremplin, int rateLimit) {
    List<Object> components = new ArrayList<>();
    components.add(new ApiGuard(tremplin.tokens(), new RateLimiter(rateLimit)));
    components.add(new ProblemMapper());
    return List.copyOf(components);
  }
}
