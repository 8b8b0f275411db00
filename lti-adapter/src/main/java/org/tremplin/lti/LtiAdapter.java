package org.tremplin.lti;

/**
 * Placeholder for the LTI 1.3 adapter's entry point; the protocol arrives with the LTI issue.
 * Stateless.
 */
public final class LtiAdapter {
  /** The LTI version this adapter implements. */
  public static final String LTI_VERSION = "1.3.0";

  private LtiAdapter() {}
}
