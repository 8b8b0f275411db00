package org.tremplin.web.lti;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.registration.DynamicRegistration;
import org.tremplin.lti.registration.RegistrationOutcome;

/**
 * {@code GET /lti/register?openid_configuration=…&registration_token=…}: the Dynamic Registration
 * initiation URL an administrator pastes in the platform (LTI.md §7). Hands the parameters to
 * {@link DynamicRegistration} and answers its outcome as a page. Thread-safe.
 */
@Path("lti/register")
public final class RegisterResource {
  private final DynamicRegistration registration;
  private final java.util.Optional<String> key;

  /** Over this registration service, open to any platform. */
  public RegisterResource(DynamicRegistration registration) {
    this(registration, java.util.Optional.empty());
  }

  /**
   * Over this registration service; when {@code key} is present, only registration URLs carrying
   * {@code key=<it>} are served ({@code tremplin.lti.registration-key}).
   */
  public RegisterResource(DynamicRegistration registration, java.util.Optional<String> key) {
    this.registration = registration;
    this.key = key;
  }

  /** The platform opens this URL in a dialog or an iframe. */
  @GET
  public Response register(
      @QueryParam("openid_configuration") @Nullable String openidConfiguration,
      @QueryParam("registration_token") @Nullable String registrationToken,
      @QueryParam("key") @Nullable String givenKey) {
    if (key.isPresent()
        && (givenKey == null
            || !java.security.MessageDigest.isEqual(
                key.get().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                givenKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
      return RegisterPages.refused(
          org.tremplin.lti.registration.RegistrationError.REGISTRATION_KEY_INVALID, "key=…");
    }
    RegistrationOutcome outcome = registration.register(openidConfiguration, registrationToken);
    if (outcome instanceof RegistrationOutcome.Registered registered) {
      return RegisterPages.registered(registered.registration());
    }
    RegistrationOutcome.Refused refused = (RegistrationOutcome.Refused) outcome;
    return RegisterPages.refused(refused.error(), refused.detail());
  }
}
