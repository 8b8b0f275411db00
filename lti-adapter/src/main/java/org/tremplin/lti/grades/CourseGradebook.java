package org.tremplin.lti.grades;

import java.net.URI;
import java.util.Set;
import org.tremplin.api.TremplinException;
import org.tremplin.lti.registration.PlatformRegistration;

/**
 * Where a linked course keeps its gradebook: the platform registration (issuer, client id, token
 * URL) and the AGS endpoint claim remembered from the course's launches. Immutable.
 *
 * @param registration the platform registration
 * @param lineItems the course's line item container URL (the claim's {@code lineitems}), query kept
 *     (Moodle: {@code ?type_id=})
 * @param scopes the AGS scopes the launch claim listed
 */
public record CourseGradebook(
    PlatformRegistration registration, URI lineItems, Set<String> scopes) {
  /** All required; the scopes copied. */
  public CourseGradebook {
    TremplinException.required(registration, "registration");
    TremplinException.required(lineItems, "lineItems");
    scopes = Set.copyOf(TremplinException.required(scopes, "scopes"));
  }

  /** The platform's issuer. */
  public String issuer() {
    return registration.issuer();
  }

  /** The tool's client id there. */
  public String clientId() {
    return registration.clientId();
  }
}
