package org.tremplin.core.programme;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.programme.TemplateRef;

/**
 * Stored template versions, as JSON documents. Versions are never updated. Implementations are
 * thread-safe; calls made inside a transaction join it.
 */
public interface ProgrammeTemplates {
  /**
   * Stores a version; fails on a duplicate reference.
   *
   * @param ref the ref
   * @param document the document
   * @param importedAt the imported at
   */
  void insert(TemplateRef ref, String document, Instant importedAt);

  /**
   * The document of a version, or empty when there is none.
   *
   * @param ref the ref
   * @return the document of a version, or empty when there is none
   */
  Optional<String> document(TemplateRef ref);

  /**
   * The newest version number of an id, or empty when the id is unknown.
   *
   * @param id the identifier
   * @return the newest version number of an id, or empty when the id is unknown
   */
  Optional<Integer> latestVersion(String id);

  /**
   * Every stored version, by id then version.
   *
   * @return every stored version, by id then version
   */
  List<TemplateRef> refs();
}
