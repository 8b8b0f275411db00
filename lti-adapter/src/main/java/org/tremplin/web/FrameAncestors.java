package org.tremplin.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.web.config.TremplinConfig;

/**
 * Lets only the registered platforms frame Tremplin (issue 10, item 6): every response carries
 * {@code Content-Security-Policy: frame-ancestors 'self' <origins>}, the origins being, for each
 * registration, its issuer's and its authorisation endpoint's origins (hosted Canvas, whose issuer
 * {@code canvas.instructure.com} is not where courses live, adds {@code
 * https://*.instructure.com}), plus the origins an operator lists ({@code
 * tremplin.lti.frame-ancestors}, e.g. a self-hosted Canvas's domain). The demo LMS is served by
 * Tremplin itself ({@code 'self'}). A second CSP header beside a page's own: browsers enforce both.
 * The list is recomputed at most once a minute, so a platform registered dynamically may frame the
 * tool within a minute. Thread-safe.
 */
public final class FrameAncestors implements ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger(FrameAncestors.class);

  /** How long a computed directive is reused. */
  static final Duration REFRESH = Duration.ofMinutes(1);

  private static final List<String> HOSTED_CANVAS =
      List.of(
          "canvas.instructure.com", "canvas.beta.instructure.com", "canvas.test.instructure.com");

  private final Supplier<? extends Collection<PlatformRegistration>> registrations;
  private final List<String> extraOrigins;
  private final Clock clock;
  private volatile Computed computed = new Computed("", Instant.MIN);

  private record Computed(String header, Instant at) {}

  /**
   * Over the registrations (configured and stored, read again at most once a minute), the origins
   * an operator adds, and a clock.
   *
   * @param registrations the registrations
   * @param extraOrigins the extra origins
   * @param clock the clock read for "now"
   * @throws IllegalArgumentException when an extra origin is not {@code scheme://host[:port]}
   */
  public FrameAncestors(
      Supplier<? extends Collection<PlatformRegistration>> registrations,
      List<String> extraOrigins,
      Clock clock) {
    for (String origin : extraOrigins) {
      if (!TremplinConfig.isOrigin(origin)) {
        throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
      }
    }
    this.registrations = registrations;
    this.extraOrigins = List.copyOf(extraOrigins);
    this.clock = clock;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().add("Content-Security-Policy", header());
  }

  /** The header value now: {@code frame-ancestors 'self' ...}. */
  String header() {
    Computed now = computed;
    Instant instant = clock.instant();
    if (now.header().isEmpty() || !instant.isBefore(now.at().plus(REFRESH))) {
      String header;
      try {
        header = directive(registrations.get(), extraOrigins);
      } catch (RuntimeException e) {
        // a response filter must not fail the response: keep the last list (or the tool and the
        // configured origins alone) and try again at the next refresh
        LOG.warn("frame-ancestors: the registrations could not be read", e);
        header = now.header().isEmpty() ? directive(List.of(), extraOrigins) : now.header();
      }
      now = new Computed(header, instant);
      computed = now;
    }
    return now.header();
  }

  /** The directive for these registrations and extra origins, origins sorted. */
  static String directive(Collection<PlatformRegistration> registrations, List<String> extra) {
    TreeSet<String> origins = new TreeSet<>();
    for (PlatformRegistration r : registrations) {
      originOf(r.issuer()).ifPresent(origins::add);
      originOf(r.authUrl().toString()).ifPresent(origins::add);
      boolean hostedCanvas =
          originOf(r.issuer())
              .map(o -> HOSTED_CANVAS.stream().anyMatch(h -> o.equals("https://" + h)))
              .orElse(false);
      if (hostedCanvas) {
        origins.add("https://*.instructure.com");
      }
    }
    extra.forEach(o -> origins.add(o.toLowerCase(Locale.ROOT)));
    return "frame-ancestors 'self'" + (origins.isEmpty() ? "" : " " + String.join(" ", origins));
  }

  /** {@code scheme://host[:port]} of an http(s) URL, lower case; empty for anything else. */
  static Optional<String> originOf(String url) {
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null
          || host == null
          || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
        return Optional.empty();
      }
      String origin =
          scheme.toLowerCase(Locale.ROOT)
              + "://"
              + host.toLowerCase(Locale.ROOT)
              + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
      return TremplinConfig.isOrigin(origin) ? Optional.of(origin) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
