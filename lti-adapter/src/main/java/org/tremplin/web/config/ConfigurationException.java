package org.tremplin.web.config;

/**
 * A configuration value is missing or malformed. The message names the key and what was expected,
 * never the value of a secret. Unchecked: the host fails at startup.
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The configuration key at fault (serialized with the exception). */
  private final String key;

  /**
   * For this key, with a message naming it.
   *
   * @param key the key
   * @param message the message (no secret, no personal data)
   */
  public ConfigurationException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /**
   * The configuration key at fault.
   *
   * @return the configuration key at fault
   */
  public String key() {
    return key;
  }
}
