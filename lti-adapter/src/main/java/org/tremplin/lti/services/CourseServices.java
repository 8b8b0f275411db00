package org.tremplin.lti.services;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.launch.CourseContext;

/**
 * The LTI Advantage service endpoints a course's launches carried, as last seen (LTI.md §5, §6):
 * remembered per course from every launch by {@link ServiceEndpoints}. A launch that carries no
 * service claim records that too (the platform stopped offering them). Immutable.
 *
 * @param course the course (issuer, client id, deployment, context)
 * @param membershipsUrl NRPS {@code context_memberships_url}, when offered
 * @param nrpsVersions NRPS {@code service_versions}
 * @param lineItemsUrl AGS {@code lineitems} (the course's line item container), when offered
 * @param agsScopes the AGS scopes the platform grants for the course
 * @param seenAt when a launch last carried these
 */
public record CourseServices(
    CourseContext course,
    @Nullable URI membershipsUrl,
    List<String> nrpsVersions,
    @Nullable URI lineItemsUrl,
    Set<String> agsScopes,
    Instant seenAt) {

  /** Course and time required; collections copied. */
  public CourseServices {
    Objects.requireNonNull(course, "course");
    nrpsVersions = List.copyOf(nrpsVersions);
    agsScopes = Set.copyOf(agsScopes);
    Objects.requireNonNull(seenAt, "seenAt");
  }

  /** The NRPS memberships URL, when the platform offers the roster for this course. */
  public Optional<URI> memberships() {
    return Optional.ofNullable(membershipsUrl);
  }

  /** The AGS line item container URL, when offered. */
  public Optional<URI> lineItems() {
    return Optional.ofNullable(lineItemsUrl);
  }

  /** Whether the platform granted this AGS scope for the course. */
  public boolean grants(String scope) {
    return agsScopes.contains(scope);
  }
}
