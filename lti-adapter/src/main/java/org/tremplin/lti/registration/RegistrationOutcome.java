package org.tremplin.lti.registration;

import java.util.Objects;

/** The result of a Dynamic Registration: registered, or refused with a code. */
public sealed interface RegistrationOutcome {

  /**
   * The platform registered the tool and the registration is stored, or updated when the platform
   * registered it again under the same client id (Moodle's "Update").
   *
   * @param registration what was stored
   * @param updated whether a stored registration with the same issuer and client id was updated
   */
  record Registered(PlatformRegistration registration, boolean updated)
      implements RegistrationOutcome {
    /** Requires the registration. */
    public Registered {
      Objects.requireNonNull(registration, "registration");
    }

    /** A new registration. */
    public Registered(PlatformRegistration registration) {
      this(registration, false);
    }
  }

  /**
   * Nothing was stored.
   *
   * @param error the stable code
   * @param detail what exactly was wrong, for the administrator (a URL, a host, the platform's own
   *     error text, at most a few hundred characters); never a token
   */
  record Refused(RegistrationError error, String detail) implements RegistrationOutcome {
    /**
     * Requires both.
     *
     * @param error the error
     * @param detail the detail
     */
    public Refused {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
