package org.tremplin.api.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * One version (millésime) of a certification: its blocks, competencies, transversal competencies
 * and exam components. Loaded from versioned reference data, never hard-coded.
 *
 * @param ref e.g. DWWM 2023
 * @param rncp the RNCP record, e.g. {@code RNCP37674}
 * @param validFrom the date the version came into force
 * @param title the certification's title
 * @param blocks the blocks, in order
 * @param transversal transversal competencies (not attached to a block), possibly empty
 * @param examComponents the parts of the exam
 */
public record CertificationVersion(
    CertificationRef ref,
    String rncp,
    LocalDate validFrom,
    LocalizedText title,
    List<CompetencyBlock> blocks,
    List<Competency> transversal,
    List<ExamComponent> examComponents) {

  /**
   * All fields are required; lists are copied.
   *
   * @param ref the ref
   * @param rncp the rncp
   * @param validFrom the valid from
   * @param title the title
   * @param blocks the blocks
   * @param transversal the transversal
   * @param examComponents the exam components
   */
  public CertificationVersion {
    TremplinException.required(ref, "certification reference");
    TremplinException.requiredText(rncp, "rncp");
    TremplinException.required(validFrom, "validFrom");
    TremplinException.required(title, "title");
    blocks = List.copyOf(TremplinException.required(blocks, "blocks"));
    transversal = List.copyOf(TremplinException.required(transversal, "transversal"));
    examComponents = List.copyOf(TremplinException.required(examComponents, "examComponents"));
  }

  /**
   * Every competency of every block, in order (transversal competencies excluded).
   *
   * @return every competency of every block, in order (transversal competencies excluded)
   */
  public Stream<Competency> competencies() {
    return blocks.stream().flatMap(b -> b.competencies().stream());
  }

  /**
   * The block competency with this code.
   *
   * @param code the stable code
   * @return the block competency with this code
   */
  public Optional<Competency> competency(String code) {
    return competencies().filter(c -> c.code().equals(code)).findFirst();
  }

  /**
   * The block with this code.
   *
   * @param code the stable code
   * @return the block with this code
   */
  public Optional<CompetencyBlock> block(String code) {
    return blocks.stream().filter(b -> b.code().equals(code)).findFirst();
  }

  /**
   * The competency that owns the performance criterion with this code.
   *
   * @param criterionCode the criterion code
   * @return the competency that owns the performance criterion with this code
   */
  public Optional<Competency> competencyOfCriterion(String criterionCode) {
    return competencies().filter(c -> c.criterion(criterionCode).isPresent()).findFirst();
  }
}
