package org.tremplin.lti.login;

import java.util.Optional;

/**
 * Login states kept between the login and the launch (LTI.md §1.5, §2.1), so any node can serve the
 * launch. Implementations must be thread-safe, and single use must hold: a stored state is taken at
 * most once ({@link #take} atomic), a signed one ({@link SignedLoginStates}) reads as unknown once
 * the launch recorded its nonce.
 */
public interface LoginStates {

  /**
   * Keeps a login state until it expires, and returns it as the platform must see it: a store keeps
   * the draft under its own {@code state} value and returns it; {@link SignedLoginStates} stores
   * nothing and returns it with a {@code state} value that carries it.
   *
   * @param draft the login state, with a fresh random state value
   * @return the login state to send (its {@code state} and binding)
   */
  LoginState put(LoginState draft);

  /**
   * Removes and returns the login state stored under {@code state}: single use. An expired state
   * may still be returned for a while (so the launch can say "expired" rather than "unknown");
   * callers check {@link LoginState#isExpiredAt}.
   *
   * @param state the login state
   * @return the state, or empty when unknown or already taken
   */
  Optional<LoginState> take(String state);

  /**
   * Returns the login state stored under {@code state} without removing it, e.g. to decide that a
   * platform-storage launch must first read its binding back (§1.6). Same visibility rules as
   * {@link #take}: an expired state may still be returned for a while.
   *
   * @param state the login state
   * @return the state, or empty when unknown or already taken
   */
  Optional<LoginState> find(String state);
}
