package org.tremplin.web.api.school;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body that creates a school. Immutable.
 *
 * @param name its name
 * @param departement its département's code
 */
@Schema(name = "NewSchool", description = "A school to create.")
record NewSchool(
    @JsonProperty(required = true)
        @Schema(example = "École du Web de Nanterre", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
    @JsonProperty(required = true)
        @Schema(example = "2A", requiredMode = Schema.RequiredMode.REQUIRED)
        String departement) {}
