package org.tremplin.web.api.learner;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body that registers a learner. Immutable.
 *
 * @param school the school's id
 * @param givenName their given name
 * @param familyName their family name
 */
@Schema(name = "NewLearner", description = "A learner to register in a school.")
public record NewLearner(
    @JsonProperty(required = true)
        @Schema(
            example = "5f0c9a52-2c1d-4a8f-9d3e-7b6a5c4d3e2f",
            format = "uuid",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String school,
    @JsonProperty(required = true)
        @Schema(example = "Ada", requiredMode = Schema.RequiredMode.REQUIRED)
        String givenName,
    @JsonProperty(required = true)
        @Schema(example = "Lovelace", requiredMode = Schema.RequiredMode.REQUIRED)
        String familyName) {}
