package org.tremplin.api.programme;

import java.util.List;

/**
 * Imports, validates, stores and exports programme templates. Every import creates a new version;
 * stored versions never change.
 *
 * <p>Implementations are thread-safe.
 */
public interface ProgrammeTemplateService {
  /**
   * Validates a template document and stores it as the next version of its id; needs {@code
   * PROGRAMME_WRITE} network-wide (an admin), else {@code ACCESS_DENIED}.
   *
   * @param actor who calls, checked against the access rules
   * @param json the json
   * @return the programme template
   * @throws org.tremplin.api.TremplinException with a {@code TEMPLATE_*} code naming the first
   *     problem (the message lists all of them)
   */
  ProgrammeTemplate importJson(org.tremplin.api.access.Actor actor, String json);

  /**
   * The template as a JSON document that {@link #importJson} accepts.
   *
   * @param ref the ref
   * @return the template as a JSON document that {@link #importJson} accepts
   */
  String exportJson(TemplateRef ref);

  /**
   * The stored template version.
   *
   * @param ref the ref
   * @return the stored template version
   * @throws org.tremplin.api.TremplinException {@code TEMPLATE_NOT_FOUND}
   */
  ProgrammeTemplate get(TemplateRef ref);

  /**
   * The newest version of a template id.
   *
   * @param id the identifier
   * @return the newest version of a template id
   * @throws org.tremplin.api.TremplinException {@code TEMPLATE_NOT_FOUND}
   */
  ProgrammeTemplate latest(String id);

  /**
   * Every stored template version, by id then version.
   *
   * @return every stored template version, by id then version
   */
  List<TemplateRef> list();
}
