package org.tremplin.lti.launch;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The LTI Advantage service endpoints a launch carries (NRPS 2.0 §3.6.1 {@code namesroleservice}
 * claim; AGS 2.0 §3.1 {@code endpoint} claim). Only absolute http(s) URLs are kept; a malformed
 * claim counts as absent (the launch itself stays valid). Immutable.
 *
 * @param membershipsUrl NRPS {@code context_memberships_url}, if offered
 * @param nrpsVersions NRPS {@code service_versions} (e.g. {@code ["2.0"]})
 * @param lineItemsUrl AGS {@code lineitems}: the course's line item container, if offered
 * @param lineItemUrl AGS {@code lineitem}: the resource link's own line item, if any
 * @param agsScopes AGS {@code scope}: what the platform grants the tool for this course
 */
public record ServiceClaims(
    @Nullable URI membershipsUrl,
    List<String> nrpsVersions,
    @Nullable URI lineItemsUrl,
    @Nullable URI lineItemUrl,
    Set<String> agsScopes) {

  /** The NRPS claim. */
  public static final String NAMES_ROLE_SERVICE =
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

  /** The AGS claim. */
  public static final String AGS_ENDPOINT =
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

  /** A launch that carries no service. */
  public static final ServiceClaims NONE = new ServiceClaims(null, List.of(), null, null, Set.of());

  /** Copies the collections. */
  public ServiceClaims {
    nrpsVersions = List.copyOf(nrpsVersions);
    agsScopes = Set.copyOf(agsScopes);
  }

  /** Whether the launch offers any service. */
  public boolean any() {
    return membershipsUrl != null || lineItemsUrl != null || lineItemUrl != null;
  }

  /** The NRPS memberships URL, if offered. */
  public Optional<URI> memberships() {
    return Optional.ofNullable(membershipsUrl);
  }

  /**
   * Reads the two claims from a launch's claim set (as parsed JSON: maps, lists, strings).
   *
   * @param claims the id_token's claims
   */
  public static ServiceClaims read(Map<String, @Nullable Object> claims) {
    Map<?, ?> nrps = claims.get(NAMES_ROLE_SERVICE) instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> ags = claims.get(AGS_ENDPOINT) instanceof Map<?, ?> m ? m : Map.of();
    ServiceClaims read =
        new ServiceClaims(
            url(nrps.get("context_memberships_url")),
            strings(nrps.get("service_versions")),
            url(ags.get("lineitems")),
            url(ags.get("lineitem")),
            Set.copyOf(strings(ags.get("scope"))));
    return read.any() ? read : NONE;
  }

  private static @Nullable URI url(@Nullable Object value) {
    if (!(value instanceof String text) || text.isBlank() || text.length() > 2000) {
      return null;
    }
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || scheme == null
          || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
        return null;
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static List<String> strings(@Nullable Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .filter(s -> !s.isBlank() && s.length() <= 500)
        .distinct()
        .toList();
  }
}
