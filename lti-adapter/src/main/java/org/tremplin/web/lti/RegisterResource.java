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
 * {@link DynamicRegistration} (which checks the registration key, when the installation has one)
 * and answers its outcome as a page. Thread-safe.
 */
@Path("lti/register")
public final class RegisterResource {
  private final DynamicRegistration registration;

  /**
   * Over this registration service, whose {@link org.tremplin.lti.registration.RegistrationPolicy}
   * says who may register (key, allowed hosts) and where it may connect.
   *
   * @param registration the registration
   */
  public RegisterResource(DynamicRegistration registration) {
    this.registration = registration;
  }

  /**
   * The platform opens this URL in a dialog or an iframe.
   *
   * @param openidConfiguration the openid configuration
   * @param registrationToken the registration token
   * @param givenKey the given key
   * @return the platform opens this URL in a dialog or an iframe
   */
  @GET
  public Response register(
      @QueryParam("openid_configuration") @Nullable String openidConfiguration,
      @QueryParam("registration_token") @Nullable String registrationToken,
      @QueryParam("key") @Nullable String givenKey) {
    RegistrationOutcome outcome =
        registration.register(openidConfiguration, registrationToken, givenKey);
    if (outcome instanceof RegistrationOutcome.Registered registered) {
      return RegisterPages.registered(registered.registration(), registered.updated());
    }
    RegistrationOutcome.Refused refused = (RegistrationOutcome.Refused) outcome;
    return RegisterPages.refused(refused.error(), refused.detail());
  }
}
