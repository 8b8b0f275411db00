package org.tremplin.lti.launch;

import java.time.Instant;

/**
 * Nonces already used by accepted id_tokens (LTI.md §2.8). Implementations must be thread-safe and
 * {@link #consume} atomic, across nodes too (a unique key in the database), so two nodes cannot
 * both accept one token.
 */
public interface Nonces {

  /**
   * Records {@code nonce} as used until {@code keepUntil}, if it was not already.
   *
   * @param issuer the platform's issuer
   * @param nonce the nonce
   * @param keepUntil the keep until
   * @return true when this call recorded it (first use); false when it was already used
   */
  boolean consume(String issuer, String nonce, Instant keepUntil);
}
