package org.tremplin.api.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.certification.CertificationRef;

/**
 * Readiness for the title: every block ready and the placement hours done.
 *
 * @param learner the candidate
 * @param certification the certification version
 * @param blocks readiness per block, in the certification's order
 * @param placementHoursRequired hours of placement the template requires
 * @param placementHoursDone hours recorded as in placement
 */
public record Readiness(
    LearnerId learner,
    CertificationRef certification,
    List<BlockReadiness> blocks,
    int placementHoursRequired,
    BigDecimal placementHoursDone) {
  /**
   * All fields required.
   *
   * @param learner the learner
   * @param certification the certification
   * @param blocks the blocks
   * @param placementHoursRequired the placement hours required
   * @param placementHoursDone the placement hours done
   */
  public Readiness {
    TremplinException.required(learner, "learner");
    TremplinException.required(certification, "certification");
    blocks = List.copyOf(TremplinException.required(blocks, "blocks"));
    TremplinException.required(placementHoursDone, "placementHoursDone");
  }

  /**
   * Everything missing for the title: each block's items, then placement hours.
   *
   * @return the missing items
   */
  public List<MissingItem> missing() {
    List<MissingItem> all = new ArrayList<>();
    blocks.forEach(b -> all.addAll(b.missing()));
    if (placementHoursDone.compareTo(BigDecimal.valueOf(placementHoursRequired)) < 0) {
      all.add(new MissingItem.PlacementHoursShort(placementHoursRequired, placementHoursDone));
    }
    return all;
  }

  /**
   * Whether the candidate is ready for the full title.
   *
   * @return whether the candidate is ready for the full title
   */
  public boolean ready() {
    return missing().isEmpty();
  }
}
