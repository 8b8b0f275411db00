package org.tremplin.api.evidence;

import java.util.UUID;
import org.tremplin.api.TremplinException;

/**
 * Identifies a piece of evidence.
 *
 * @param value the UUID
 */
public record EvidenceId(UUID value) {
  /**
   * The UUID is required.
   *
   * @param value the value
   */
  public EvidenceId {
    TremplinException.required(value, "evidence id");
  }

  /**
   * A new random id.
   *
   * @return a new random id
   */
  public static EvidenceId random() {
    return new EvidenceId(UUID.randomUUID());
  }
}
