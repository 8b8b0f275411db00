package org.tremplin.lti.services;

/**
 * The OAuth 2 scopes of the LTI Advantage services (AGS 2.0 §3.1, NRPS 2.0 §2.2). A token is asked
 * for a subset of what the launch claim lists (AGS) or, for NRPS, for its one scope.
 */
public final class ServiceScopes {
  /** NRPS: read the course's memberships. */
  public static final String NRPS_MEMBERSHIPS =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

  /** AGS: manage line items. */
  public static final String AGS_LINEITEM =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

  /** AGS: read line items. */
  public static final String AGS_LINEITEM_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

  /** AGS: read results. */
  public static final String AGS_RESULT_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";

  /** AGS: publish scores. */
  public static final String AGS_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

  private ServiceScopes() {}
}
