package org.tremplin.lti.launch;

/**
 * A launch whose login went through platform storage arrived without its cookie (LTI.md §1.6): the
 * state is left unconsumed, and the adapter answers a page that reads the binding back with {@code
 * lti.get_data} and re-posts the same {@code id_token} and {@code state} with the values found.
 * Immutable; {@code toString} hides the keys (they contain the state and nonce).
 *
 * @param storageTarget the frame of the platform's parent window to post to (or {@code _parent})
 * @param platformOrigin the origin messages go to and are accepted from (the OIDC auth URL's)
 * @param stateKey the key to read, {@code lti_state_<state>}
 * @param nonceKey the key to read, {@code lti_nonce_<nonce>}
 */
public record StorageReadBack(
    String storageTarget, String platformOrigin, String stateKey, String nonceKey) {

  @Override
  public String toString() {
    return "StorageReadBack[platformOrigin=" + platformOrigin + "]";
  }
}
