package org.tremplin.lti.launch;

import org.jspecify.annotations.Nullable;

/**
 * What the platform's form post to the redirect URI carried, plus the browser binding the adapter
 * read (LTI.md §2). Immutable; {@code toString} hides the token, state and bindings.
 *
 * @param state the posted {@code state}
 * @param idToken the posted {@code id_token}
 * @param browserBinding the value of the {@code lti1p3_<state>} cookie, if any
 * @param error the posted {@code error}, when the platform reports one instead of a token
 * @param errorDescription the posted {@code error_description}
 * @param storedStateBinding the value the read-back page found in platform storage under {@code
 *     lti_state_<state>} and re-posted (§1.6), if any
 * @param storedNonceBinding the value the read-back page found in platform storage under {@code
 *     lti_nonce_<nonce>} and re-posted (§1.6), if any
 */
public record LaunchRequest(
    @Nullable String state,
    @Nullable String idToken,
    @Nullable String browserBinding,
    @Nullable String error,
    @Nullable String errorDescription,
    @Nullable String storedStateBinding,
    @Nullable String storedNonceBinding) {

  /** The form field carrying the value read back under {@code lti_state_<state>}. */
  public static final String STORED_STATE_FIELD = "lti_storage_state";

  /** The form field carrying the value read back under {@code lti_nonce_<nonce>}. */
  public static final String STORED_NONCE_FIELD = "lti_storage_nonce";

  /**
   * A post without values read back from platform storage.
   *
   * @param state the login state
   * @param idToken the id token
   * @param browserBinding the browser binding
   * @param error the error
   * @param errorDescription the error description
   */
  public LaunchRequest(
      @Nullable String state,
      @Nullable String idToken,
      @Nullable String browserBinding,
      @Nullable String error,
      @Nullable String errorDescription) {
    this(state, idToken, browserBinding, error, errorDescription, null, null);
  }

  /**
   * A successful authentication response: state, token and the browser's binding.
   *
   * @param state the login state
   * @param idToken the id token
   * @param browserBinding the browser binding
   * @return a successful authentication response: state, token and the browser's binding
   */
  public static LaunchRequest of(
      @Nullable String state, @Nullable String idToken, @Nullable String browserBinding) {
    return new LaunchRequest(state, idToken, browserBinding, null, null);
  }

  /**
   * This request with the values a read-back page re-posted from platform storage (§1.6).
   *
   * @param stateBinding the state binding
   * @param nonceBinding the nonce binding
   * @return this request with the values a read-back page re-posted from platform storage (§1.6)
   */
  public LaunchRequest withStoredBindings(
      @Nullable String stateBinding, @Nullable String nonceBinding) {
    return new LaunchRequest(
        state, idToken, browserBinding, error, errorDescription, stateBinding, nonceBinding);
  }

  /**
   * Whether the browser presented no binding at all: no cookie, nothing read back.
   *
   * @return whether the browser presented no binding at all: no cookie, nothing read back
   */
  public boolean hasNoBinding() {
    return browserBinding == null && storedStateBinding == null && storedNonceBinding == null;
  }

  @Override
  public String toString() {
    return "LaunchRequest[error=" + error + "]";
  }
}
