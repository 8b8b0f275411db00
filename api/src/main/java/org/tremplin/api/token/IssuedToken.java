package org.tremplin.api.token;

import org.tremplin.api.TremplinException;

/**
 * A token just issued: the stored token and its plaintext, which exists only here (Tremplin keeps a
 * hash). Show it once to whoever asked, then forget it. {@link #toString} never prints the secret.
 *
 * @param token the stored token
 * @param secret the whole token to present as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {
  /** Both required. */
  public IssuedToken {
    TremplinException.required(token, "token");
    TremplinException.requiredText(secret, "secret");
  }

  @Override
  public String toString() {
    return "IssuedToken[" + token + ", secret=(hidden)]";
  }
}
