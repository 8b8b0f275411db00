package org.tremplin.lti.login;

import java.util.Optional;

/**
 * Login states kept server-side between the login and the launch (LTI.md §1.5, §2.1), so any node
 * can serve the launch. Implementations must be thread-safe, and {@link #take} atomic: two
 * concurrent takes of one state return it at most once.
 */
public interface LoginStates {

  /** Stores a login state under its {@code state} value until it expires. */
  void put(LoginState loginState);

  /**
   * Removes and returns the login state stored under {@code state}: single use. An expired state
   * may still be returned for a while (so the launch can say "expired" rather than "unknown");
   * callers check {@link LoginState#isExpiredAt}.
   *
   * @return the state, or empty when unknown or already taken
   */
  Optional<LoginState> take(String state);

  /**
   * Returns the login state stored under {@code state} without removing it, e.g. to decide that a
   * platform-storage launch must first read its binding back (§1.6). Same visibility rules as
   * {@link #take}: an expired state may still be returned for a while.
   *
   * @return the state, or empty when unknown or already taken
   */
  Optional<LoginState> find(String state);
}
