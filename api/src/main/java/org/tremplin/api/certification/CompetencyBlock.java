package org.tremplin.api.certification;

import java.util.List;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * A block of competencies (bloc de compétences, CCP), certifiable on its own.
 *
 * @param code e.g. {@code RNCP37674BC01}
 * @param title the block's activity
 * @param competencies the competencies of the block, in order
 */
public record CompetencyBlock(String code, LocalizedText title, List<Competency> competencies) {
  /**
   * Code and title are required; a block has at least one competency.
   *
   * @param code the stable code
   * @param title the title
   * @param competencies the competencies
   */
  public CompetencyBlock {
    TremplinException.requiredText(code, "block code");
    TremplinException.required(title, "block title");
    competencies = List.copyOf(TremplinException.required(competencies, "competencies"));
    TremplinException.check(!competencies.isEmpty(), "block " + code + " has no competency");
  }
}
