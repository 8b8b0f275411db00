package org.tremplin.examples.demo;

import java.util.Objects;

/**
 * A user of the demo LMS. Immutable.
 *
 * @param sub the user's id at the platform (the {@code sub} claim and the {@code login_hint})
 * @param givenName given name
 * @param familyName family name
 * @param role the role they hold in the demo course
 */
public record DemoUser(String sub, String givenName, String familyName, DemoRole role) {
  /** All required. */
  public DemoUser {
    Objects.requireNonNull(sub, "sub");
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(role, "role");
  }

  /** "Given Family". */
  public String name() {
    return givenName + " " + familyName;
  }
}
