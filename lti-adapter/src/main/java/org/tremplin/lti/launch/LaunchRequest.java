package org.tremplin.lti.launch;

import org.jspecify.annotations.Nullable;

/**
 * What the platform's form post to the redirect URI carried, plus the browser binding the adapter
 * read (LTI.md §2). Immutable; {@code toString} hides the token and state.
 *
 * @param state the posted {@code state}
 * @param idToken the posted {@code id_token}
 * @param browserBinding the value of the {@code lti1p3_<state>} cookie (or the state read back from
 *     platform storage, §1.6), if any
 * @param error the posted {@code error}, when the platform reports one instead of a token
 * @param errorDescription the posted {@code error_description}
 */
public record LaunchRequest(
    @Nullable String state,
    @Nullable String idToken,
    @Nullable String browserBinding,
    @Nullable String error,
    @Nullable String errorDescription) {

  /** A successful authentication response: state, token and the browser's binding. */
  public static LaunchRequest of(
      @Nullable String state, @Nullable String idToken, @Nullable String browserBinding) {
    return new LaunchRequest(state, idToken, browserBinding, null, null);
  }

  @Override
  public String toString() {
    return "LaunchRequest[error=" + error + "]";
  }
}
