package org.tremplin.api.insertion;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a stored eligibility diagnosis.
 *
 * @param value the UUID
 */
public record DiagnosisId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public DiagnosisId {
    TremplinException.required(value, "diagnosis id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static DiagnosisId random() {
    return new DiagnosisId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
