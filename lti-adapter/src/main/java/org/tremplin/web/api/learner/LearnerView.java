package org.tremplin.web.api.learner;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tremplin.api.learner.Learner;

/**
 * A learner as the REST API shows it. Immutable.
 *
 * @param id the learner's id
 * @param school the id of the school that registered them
 * @param givenName their given name
 * @param familyName their family name
 */
@Schema(name = "Learner", description = "A learner of a school.")
public record LearnerView(
    @Schema(example = "0b6c3f5e-8a8e-4c4b-9d0e-2f1a3b4c5d6e", format = "uuid") String id,
    @Schema(example = "5f0c9a52-2c1d-4a8f-9d3e-7b6a5c4d3e2f", format = "uuid") String school,
    @Schema(example = "Ada") String givenName,
    @Schema(example = "Lovelace") String familyName) {

  /**
   * The view of a learner.
   *
   * @param learner the learner
   * @return the view
   */
  public static LearnerView of(Learner learner) {
    return new LearnerView(
        learner.id().value().toString(),
        learner.school().value().toString(),
        learner.givenName(),
        learner.familyName());
  }
}
