package org.tremplin.api.certification;

import java.util.List;

/**
 * The certification versions Tremplin knows, from its reference data.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface CertificationCatalog {
  /**
   * Every known version, oldest first.
   *
   * @return every known version, oldest first
   */
  List<CertificationVersion> versions();

  /**
   * The version with this reference.
   *
   * @param ref the ref
   * @return the version with this reference
   * @throws org.tremplin.api.TremplinException {@code CERTIFICATION_NOT_FOUND} when unknown
   */
  CertificationVersion version(CertificationRef ref);
}
