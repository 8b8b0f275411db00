package org.tremplin.lti.deeplinking;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.tremplin.api.CohortId;
import org.tremplin.lti.launch.DeepLinkingSettings;

/**
 * A trainer's deep linking request waiting for their choice: who asked, from which platform and
 * deployment, for which cohort, with the platform's settings. Immutable.
 *
 * @param personId the Tremplin person id of the trainer who launched it (only they may answer it)
 * @param issuer the platform's issuer (the response's {@code aud})
 * @param clientId our client id there (the response's {@code iss})
 * @param deploymentId the request's deployment id (echoed in the response)
 * @param cohortId the cohort of the course the request came from
 * @param settings the request's {@code deep_linking_settings}
 * @param locale the trainer's language
 * @param expiresAt when it can no longer be answered
 */
public record PendingDeepLinking(
    String personId,
    String issuer,
    String clientId,
    String deploymentId,
    CohortId cohortId,
    DeepLinkingSettings settings,
    Locale locale,
    Instant expiresAt) {
  /**
   * All required.
   *
   * @param personId the person id
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param deploymentId the deployment id
   * @param cohortId the cohort id
   * @param settings the settings
   * @param locale the language of the texts
   * @param expiresAt the expires at
   */
  public PendingDeepLinking {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(deploymentId, "deploymentId");
    Objects.requireNonNull(cohortId, "cohortId");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
