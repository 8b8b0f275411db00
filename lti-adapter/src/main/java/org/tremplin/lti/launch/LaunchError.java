package org.tremplin.lti.launch;

/**
 * Why a launch was rejected: one stable code per check of LTI.md §2, with its step number and HTTP
 * status (400 malformed, 401/403 for state, nonce and signature, 503 when a platform keyset cannot
 * be read). Logs, error pages and tests use the code, never the wording.
 */
public enum LaunchError {
  /** The platform posted {@code error} instead of an id_token (shown to the user). */
  PLATFORM_ERROR(0, 400),
  /** Step 1: no {@code state} posted. */
  STATE_MISSING(1, 401),
  /** Step 1: {@code state} unknown or already used. */
  STATE_UNKNOWN(1, 401),
  /** Step 1: {@code state} expired. */
  STATE_EXPIRED(1, 401),
  /** Step 1: the browser did not present the state's binding ({@code lti1p3_<state>} cookie). */
  STATE_NOT_BOUND(1, 403),
  /** Step 2: no {@code id_token} posted. */
  TOKEN_MISSING(2, 400),
  /** Step 2: the id_token is larger than 64 KiB. */
  TOKEN_TOO_LARGE(2, 400),
  /** Step 2: not three base64url parts of JSON, or standard claims of the wrong type. */
  TOKEN_MALFORMED(2, 400),
  /** Step 3: {@code alg} outside the allow-list ({@code none} and every HS* included). */
  ALG_NOT_ALLOWED(3, 401),
  /** Step 3: no {@code kid} in the header. */
  KID_MISSING(3, 401),
  /** Step 3 (checked once the key is known): the key's type or curve does not fit {@code alg}. */
  KEY_FAMILY_MISMATCH(3, 401),
  /** Step 4: {@code iss} differs from the registration's issuer. */
  ISSUER_MISMATCH(4, 401),
  /** Step 5: {@code aud} does not contain our client id. */
  AUDIENCE_MISMATCH(5, 401),
  /** Step 5: several audiences without {@code azp} = client id, or {@code azp} not ours. */
  AZP_MISSING_OR_WRONG(5, 401),
  /** Step 6: the platform keyset has no key with this {@code kid}, even after a re-fetch. */
  KEY_NOT_FOUND(6, 401),
  /** Step 6: the platform keyset could not be fetched; only this platform fails. */
  KEYSET_UNAVAILABLE(6, 503),
  /** Step 6: the signature does not verify with the platform key. */
  SIGNATURE_INVALID(6, 401),
  /** Step 7: {@code exp} or {@code iat} missing. */
  TIME_CLAIM_MISSING(7, 400),
  /** Step 7: {@code exp} has passed (beyond the skew). */
  TOKEN_EXPIRED(7, 401),
  /** Step 7: {@code iat} is in the future (beyond the skew). */
  ISSUED_IN_FUTURE(7, 401),
  /** Step 7: {@code iat} is older than the maximum token age (10 min). */
  ISSUED_TOO_LONG_AGO(7, 401),
  /** Step 7: {@code nbf} not yet reached. */
  NOT_YET_VALID(7, 401),
  /** Step 8: {@code nonce} absent or different from the one stored for this state. */
  NONCE_MISMATCH(8, 401),
  /** Step 8: {@code nonce} already used. */
  NONCE_REPLAYED(8, 401),
  /** Step 9: {@code version} is not {@code 1.3.0}. */
  VERSION_UNSUPPORTED(9, 400),
  /** Step 9: {@code message_type} missing or not supported. */
  MESSAGE_TYPE_UNSUPPORTED(9, 400),
  /** Step 10: {@code deployment_id} missing or empty. */
  DEPLOYMENT_MISSING(10, 400),
  /** Step 10: {@code deployment_id} longer than 255 characters. */
  DEPLOYMENT_TOO_LONG(10, 400),
  /** Step 10: {@code deployment_id} not known for the registration (and no auto policy). */
  DEPLOYMENT_UNKNOWN(10, 403),
  /** Step 10: {@code deployment_id} differs from the login's {@code lti_deployment_id}. */
  DEPLOYMENT_MISMATCH(10, 403),
  /** Step 11: {@code target_link_uri} missing or not one of the tool's URLs. */
  TARGET_LINK_URI_INVALID(11, 400),
  /** Step 11: {@code resource_link.id} missing or empty in a resource link launch. */
  RESOURCE_LINK_MISSING(11, 400),
  /** Step 11: {@code resource_link.id} longer than 255 characters. */
  RESOURCE_LINK_TOO_LONG(11, 400),
  /**
   * Step 11: {@code deep_linking_settings} (or its return URL) missing in a deep linking request.
   */
  DEEP_LINKING_SETTINGS_MISSING(11, 400),
  /**
   * Step 11: {@code deep_linking_settings} of a deep linking request unusable: the return URL not
   * an http(s) URL, {@code accept_types} or {@code accept_presentation_document_targets} missing, a
   * member of the wrong type, or {@code data} too long.
   */
  DEEP_LINKING_SETTINGS_INVALID(11, 400),
  /** Step 11: no {@code roles} claim (an empty list is fine). */
  ROLES_CLAIM_MISSING(11, 400),
  /**
   * Step 11: {@code deployment_id}, {@code resource_link.id} or {@code context.id} holds a control
   * character, a bidirectional control or an unpaired surrogate, or {@code context.id} is empty or
   * longer than 255 characters.
   */
  ID_INVALID(11, 400),
  /**
   * Step 12: {@code sub} present but empty, longer than 255 characters, or holding a control
   * character, a bidirectional control or an unpaired surrogate.
   */
  SUB_INVALID(12, 400),
  /** Step 12: no {@code sub} and anonymous launches are not enabled. */
  ANONYMOUS_LAUNCH(12, 403);

  private final int step;
  private final int httpStatus;

  LaunchError(int step, int httpStatus) {
    this.step = step;
    this.httpStatus = httpStatus;
  }

  /**
   * The LTI.md §2 step (1 to 12) this code belongs to; 0 for a platform-reported error.
   *
   * @return the LTI.md §2 step (1 to 12) this code belongs to; 0 for a platform-reported error
   */
  public int step() {
    return step;
  }

  /**
   * The HTTP status of the error page.
   *
   * @return the HTTP status of the error page
   */
  public int httpStatus() {
    return httpStatus;
  }
}
