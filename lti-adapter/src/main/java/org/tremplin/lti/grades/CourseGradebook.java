package org.tremplin.lti.grades;

import java.net.URI;
import java.util.Set;
import org.tremplin.api.TremplinException;

/**
 * Where a linked course keeps its gradebook: the platform registration's key and token URL, and the
 * AGS endpoint claim remembered from its launches. Immutable.
 *
 * @param issuer the platform's issuer
 * @param clientId the tool's client id there
 * @param tokenUrl the platform's OAuth 2 token URL
 * @param lineItems the course's line item container URL (the claim's {@code lineitems}), query kept
 *     (Moodle: {@code ?type_id=})
 * @param scopes the AGS scopes the launch claim listed
 */
public record CourseGradebook(
    String issuer, String clientId, URI tokenUrl, URI lineItems, Set<String> scopes) {
  /** All required; the scopes copied. */
  public CourseGradebook {
    TremplinException.requiredText(issuer, "issuer");
    TremplinException.requiredText(clientId, "clientId");
    TremplinException.required(tokenUrl, "tokenUrl");
    TremplinException.required(lineItems, "lineItems");
    scopes = Set.copyOf(TremplinException.required(scopes, "scopes"));
  }
}
