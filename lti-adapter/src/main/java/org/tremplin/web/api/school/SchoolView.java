package org.tremplin.web.api.school;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tremplin.api.school.School;

/**
 * A school as the REST API shows it. Immutable.
 *
 * @param id the school's id
 * @param name its name
 * @param departement its département's code
 */
@Schema(name = "School", description = "A school of the network.")
public record SchoolView(
    @Schema(example = "5f0c9a52-2c1d-4a8f-9d3e-7b6a5c4d3e2f", format = "uuid") String id,
    @Schema(example = "École du Web de Nanterre") String name,
    @Schema(example = "2A") String departement) {

  /**
   * The view of a school.
   *
   * @param school the school
   * @return the view
   */
  public static SchoolView of(School school) {
    return new SchoolView(
        school.id().value().toString(), school.name(), school.departement().code());
  }
}
