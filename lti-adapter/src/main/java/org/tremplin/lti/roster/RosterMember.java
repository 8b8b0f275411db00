package org.tremplin.lti.roster;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.text.PlatformText;

/**
 * One member of a course as the platform lists them (NRPS 2.0 §3.4.1). Names, e-mail and {@code
 * lis_person_sourcedid} are present only when the platform shares them (personal data: never
 * logged). Free texts are cleaned and bounded ({@link PlatformText}). Immutable.
 *
 * @param userId {@code user_id}, the launch's {@code sub}
 * @param roles the role URIs (or short names) as listed
 * @param status active, inactive or deleted
 * @param name {@code name}, if shared
 * @param givenName {@code given_name}, if shared
 * @param familyName {@code family_name}, if shared
 * @param email {@code email}, if shared
 * @param sourcedid {@code lis_person_sourcedid}, if shared
 */
public record RosterMember(
    String userId,
    List<String> roles,
    MemberStatus status,
    @Nullable String name,
    @Nullable String givenName,
    @Nullable String familyName,
    @Nullable String email,
    @Nullable String sourcedid) {

  /** Longest e-mail kept (RFC 5321). */
  public static final int MAX_EMAIL = 320;

  /** Validates the id; cleans and bounds the shared texts; drops unusable roles. */
  public RosterMember {
    Objects.requireNonNull(userId, "userId");
    if (!PlatformText.isIdentifier(userId, PlatformText.MAX_ID)) {
      throw new IllegalArgumentException("a member's user_id is 1 to 255 printable characters");
    }
    roles =
        roles.stream().filter(r -> PlatformText.isIdentifier(r, PlatformText.MAX_ROLE)).toList();
    Objects.requireNonNull(status, "status");
    name = PlatformText.cleanOrNull(name, PlatformText.MAX_NAME);
    givenName = PlatformText.cleanOrNull(givenName, 100);
    familyName = PlatformText.cleanOrNull(familyName, 100);
    email =
        email == null
                || !PlatformText.isIdentifier(email.strip(), MAX_EMAIL)
                || !email.contains("@")
            ? null
            : email.strip();
    sourcedid =
        sourcedid == null || !PlatformText.isIdentifier(sourcedid.strip(), PlatformText.MAX_ID)
            ? null
            : sourcedid.strip();
  }

  @Override
  public String toString() {
    return "RosterMember[" + userId + ", " + status + "]";
  }
}
