package org.tremplin.lti.keys;

/**
 * A platform keyset could not be fetched or parsed (network, HTTP status, bad JSON). Checked:
 * callers turn it into a {@link KeyLookup.Unavailable}. The message names the URL, never a key.
 */
public final class KeysetUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * With a reason naming the keyset URL.
   *
   * @param message the message (no secret, no personal data)
   */
  public KeysetUnavailableException(String message) {
    super(message);
  }

  /**
   * With a reason and its cause.
   *
   * @param message the message (no secret, no personal data)
   * @param cause the underlying failure
   */
  public KeysetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
