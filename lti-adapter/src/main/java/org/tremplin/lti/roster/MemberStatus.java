package org.tremplin.lti.roster;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A course member's status, as the platform lists it (NRPS 2.0 §3.4.1), or gone from the list. */
public enum MemberStatus {
  /** Active in the course (the default when the platform sends none). */
  ACTIVE,
  /** Still in the course but inactive (e.g. a suspended enrolment). */
  INACTIVE,
  /** Removed from the course (a {@code differences} read lists them so). */
  DELETED,
  /** No longer listed by the platform's last complete read (Tremplin's own status). */
  GONE;

  /** The status of a member's {@code status} value; absent or unknown values count as active. */
  public static MemberStatus of(@Nullable String value) {
    if (value == null) {
      return ACTIVE;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "inactive" -> INACTIVE;
      case "deleted" -> DELETED;
      default -> ACTIVE;
    };
  }

  /** Whether the member is in the course and active. */
  public boolean active() {
    return this == ACTIVE;
  }
}
