package org.tremplin.lti.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Grant;

/**
 * The app sessions a launch opens (LTI.md §3, last bullet), reached by an opaque bearer token. Only
 * the holder of the token reaches a session; an implementation never keeps the token itself where a
 * copy of its storage would open the session. Implementations must be thread-safe.
 */
public interface Sessions {

  /**
   * How long a session lives from its opening.
   *
   * @return the duration
   */
  Duration timeToLive();

  /**
   * Opens a session under a fresh token; its expiry is set here (now + {@link #timeToLive()}),
   * whatever {@code draft.expiresAt()} says.
   *
   * @param draft the draft
   * @return the session and its token, given out only here
   */
  IssuedSession open(AppSession draft);

  /**
   * Replaces what the session behind this token grants (e.g. once its course is linked) and clears
   * its pending link; its expiry is unchanged.
   *
   * @param token the session token
   * @param grants the grants
   * @param cohortId the cohort id
   * @return the updated session, or empty when the token opens none
   */
  Optional<AppSession> update(String token, List<Grant> grants, @Nullable CohortId cohortId);

  /**
   * The session this token opens.
   *
   * @param token the session token
   * @return the session, or empty when the token is unknown, expired or was expired on purpose
   */
  Optional<AppSession> find(String token);

  /**
   * Ends the session this token opens (logout); does nothing when there is none.
   *
   * @param token the session token
   * @return whether a session was ended
   */
  boolean expire(String token);
}
