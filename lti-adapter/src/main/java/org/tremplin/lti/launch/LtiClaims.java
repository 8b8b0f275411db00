package org.tremplin.lti.launch;

/** Names of the LTI 1.3 claims and message types read by the launch (Core 1.3 §5). */
public final class LtiClaims {
  private static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";

  /** {@code version}. */
  public static final String VERSION = PREFIX + "version";

  /** {@code message_type}. */
  public static final String MESSAGE_TYPE = PREFIX + "message_type";

  /** {@code deployment_id}. */
  public static final String DEPLOYMENT_ID = PREFIX + "deployment_id";

  /** {@code target_link_uri}. */
  public static final String TARGET_LINK_URI = PREFIX + "target_link_uri";

  /** {@code resource_link}. */
  public static final String RESOURCE_LINK = PREFIX + "resource_link";

  /** {@code roles}. */
  public static final String ROLES = PREFIX + "roles";

  /** {@code role_scope_mentor}. */
  public static final String ROLE_SCOPE_MENTOR = PREFIX + "role_scope_mentor";

  /** {@code context}. */
  public static final String CONTEXT = PREFIX + "context";

  /** {@code launch_presentation} (its {@code locale}: the user's language at the platform). */
  public static final String LAUNCH_PRESENTATION = PREFIX + "launch_presentation";

  /** {@code custom}. */
  public static final String CUSTOM = PREFIX + "custom";

  /** Deep Linking 2.0 {@code deep_linking_settings}. */
  public static final String DEEP_LINKING_SETTINGS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

  /** The only supported {@code version}. */
  public static final String LTI_VERSION = "1.3.0";

  /** Message type of a resource link launch. */
  public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";

  /** Message type of a deep linking request. */
  public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

  private LtiClaims() {}
}
