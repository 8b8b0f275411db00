package org.tremplin.api.evidence;

import java.math.BigDecimal;
import org.tremplin.api.TremplinException;

/** Something a candidate still lacks before a block or the title is ready. */
public sealed interface MissingItem {
  /**
   * A competency of the block is not acquired yet.
   *
   * @param block the block code
   * @param competency the competency code
   * @param status its current status
   */
  record CompetencyNotAcquired(String block, String competency, CompetencyStatus status)
      implements MissingItem {
    /**
     * Codes required.
     *
     * @param block the block
     * @param competency the competency
     * @param status the status
     */
    public CompetencyNotAcquired {
      TremplinException.requiredText(block, "block");
      TremplinException.requiredText(competency, "competency");
      TremplinException.required(status, "status");
    }
  }

  /**
   * The block's in-training assessment (ECF) was not taken.
   *
   * @param block the block code
   */
  record InTrainingAssessmentMissing(String block) implements MissingItem {
    /**
     * Code required.
     *
     * @param block the block
     */
    public InTrainingAssessmentMissing {
      TremplinException.requiredText(block, "block");
    }
  }

  /**
   * The block's section of the professional portfolio (DP) is not complete.
   *
   * @param block the block code
   */
  record PortfolioSectionMissing(String block) implements MissingItem {
    /**
     * Code required.
     *
     * @param block the block
     */
    public PortfolioSectionMissing {
      TremplinException.requiredText(block, "block");
    }
  }

  /**
   * Company placement hours are short.
   *
   * @param required hours the template requires
   * @param done hours recorded as in placement
   */
  record PlacementHoursShort(int required, BigDecimal done) implements MissingItem {
    /**
     * Done is required.
     *
     * @param required the required
     * @param done the done
     */
    public PlacementHoursShort {
      TremplinException.required(done, "done");
    }
  }
}
