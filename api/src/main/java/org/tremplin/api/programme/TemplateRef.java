package org.tremplin.api.programme;

import org.tremplin.api.TremplinException;

/**
 * Names one version of a programme template. Cohorts keep the version they started with.
 *
 * @param id the template's id, e.g. {@code ecole-du-web}
 * @param version its version, from 1
 */
public record TemplateRef(String id, int version) {
  /**
   * The id is required, the version positive.
   *
   * @param id the identifier
   * @param version the version
   */
  public TemplateRef {
    TremplinException.requiredText(id, "template id");
    TremplinException.check(version >= 1, "template version must be 1 or more, got " + version);
  }

  @Override
  public String toString() {
    return id + "@" + version;
  }
}
