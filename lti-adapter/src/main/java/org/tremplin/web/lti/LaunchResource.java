package org.tremplin.web.lti;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.launch.LaunchContext;
import org.tremplin.lti.launch.LaunchOutcome;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.LaunchValidator;
import org.tremplin.lti.launch.StorageReadBack;
import org.tremplin.lti.login.LoginState;
import org.tremplin.lti.registration.Registrations;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.store.IssuedSession;
import org.tremplin.lti.store.JdbiSessions;
import org.tremplin.web.app.AppPages;
import org.tremplin.web.app.AppText;
import org.tremplin.web.app.SessionCookie;

/**
 * {@code POST /lti/launch}: the redirect URI (LTI.md §2). Reads {@code id_token}, {@code state} (or
 * {@code error}, {@code error_description}) and the {@code lti1p3_<state>} cookie, hands them to
 * {@link LaunchValidator}. A refusal answers the page of its code with the code's HTTP status:
 * never a redirect, never a session. An accepted launch is mapped to a Tremplin identity ({@link
 * LaunchIdentities}); when that gives access, a session is opened and the browser is sent (303) to
 * the role's page, or to the page linking the course to a cohort, with the session token in the URL
 * and a {@code Partitioned} cookie; otherwise a page explains why. Thread-safe.
 */
@Path("lti/launch")
public final class LaunchResource {
  private final LaunchValidator validator;
  private final RoleMapper roleMapper;
  private final LaunchIdentities identities;
  private final Registrations registrations;
  private final JdbiSessions sessions;
  private final URI baseUrl;
  private final Clock clock;

  /**
   * Over this validator, role mapping, identity mapping and sessions; app URLs under baseUrl.
   * Deployment ids accepted under a registration's auto-deployments policy are recorded in {@code
   * registrations} (LTI.md §2.10), which also give each registration's role mapping.
   */
  public LaunchResource(
      LaunchValidator validator,
      RoleMapper roleMapper,
      LaunchIdentities identities,
      JdbiSessions sessions,
      Registrations registrations,
      URI baseUrl,
      Clock clock) {
    this.registrations = registrations;
    this.validator = validator;
    this.roleMapper = roleMapper;
    this.identities = identities;
    this.sessions = sessions;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /** The platform's form post. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response launch(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
    String state = single(form, "state");
    String binding = null;
    if (state != null && !state.isEmpty()) {
      Cookie cookie = headers.getCookies().get(LoginState.cookieName(state));
      binding = cookie == null ? null : cookie.getValue();
    }
    LaunchRequest request =
        new LaunchRequest(
            state,
            single(form, "id_token"),
            binding,
            single(form, "error"),
            single(form, "error_description"));
    request =
        request.withStoredBindings(
            single(form, LaunchRequest.STORED_STATE_FIELD),
            single(form, LaunchRequest.STORED_NONCE_FIELD));
    Optional<StorageReadBack> readBack = validator.storageReadBack(request);
    if (readBack.isPresent()) {
      return StoragePages.readBack(readBack.get(), request);
    }
    LaunchOutcome outcome = validator.validate(request);
    if (outcome instanceof LaunchOutcome.Accepted accepted) {
      recordAutoAcceptedDeployment(accepted.context());
      return land(
          accepted,
          AppText.negotiate(
              accepted.context().presentationLocale(), headers.getAcceptableLanguages()),
          java.util.Objects.requireNonNull(state));
    }
    return LtiPages.launchRefused(
        ((LaunchOutcome.Rejected) outcome).error(), request.errorDescription());
  }

  private Response land(LaunchOutcome.Accepted accepted, Locale locale, String state) {
    Landing landing =
        identities.resolve(
            accepted.context(),
            mapperFor(accepted.context()).map(accepted.context().roles()),
            locale,
            clock.instant());
    if (landing instanceof Landing.Explained explained) {
      return AppPages.explained(explained, locale);
    }
    boolean link = landing instanceof Landing.LinkCourse;
    IssuedSession issued =
        sessions.open(
            link ? ((Landing.LinkCourse) landing).session() : ((Landing.Home) landing).session());
    URI target =
        AppPages.withToken(baseUrl.resolve(link ? "app/link" : "app/home"), issued.token());
    return Response.seeOther(target)
        .header("Set-Cookie", SessionCookie.setCookie(issued.token(), sessions.timeToLive()))
        // the login's binding cookie has served: delete it rather than let it ride along for 10 min
        .header("Set-Cookie", LoginState.clearCookieHeader(state))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** Records a deployment id first seen under auto-deployments, so it is known from now on. */
  private void recordAutoAcceptedDeployment(LaunchContext context) {
    if (context.deploymentAutoAccepted()) {
      registrations.recordDeployment(context.issuer(), context.clientId(), context.deploymentId());
    }
  }

  /** The registration's own role mapping when it has one, else the default. */
  private RoleMapper mapperFor(org.tremplin.lti.launch.LaunchContext context) {
    return registrations
        .find(context.issuer(), context.clientId())
        .filter(r -> !r.roleMapping().isEmpty())
        .map(r -> RoleMapper.withOverrides(r.roleMapping()))
        .orElse(roleMapper);
  }

  /** The parameter's value when sent once; a repeated parameter reads as absent (refused). */
  private static @Nullable String single(MultivaluedMap<String, String> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }
}
