package org.tremplin.api.coaching;

import java.time.LocalDate;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;

/**
 * A company immersion (période de mise en situation en milieu professionnel, PMSMP). Immutable.
 *
 * @param id its id
 * @param cohort the cohort the learner is in
 * @param learner the learner
 * @param objective its one objective
 * @param hostOrganisation the host company or organisation
 * @param tutor the tutor at the host
 * @param firstDay first day
 * @param lastDay last day
 * @param recordedBy who recorded it (actor id)
 */
public record WorkplaceImmersion(
    ImmersionId id,
    CohortId cohort,
    LearnerId learner,
    ImmersionObjective objective,
    String hostOrganisation,
    String tutor,
    LocalDate firstDay,
    LocalDate lastDay,
    String recordedBy) {
  /**
   * All required; the last day not before the first.
   *
   * @param id the identifier
   * @param cohort the cohort
   * @param learner the learner
   * @param objective the objective
   * @param hostOrganisation the host organisation
   * @param tutor the tutor
   * @param firstDay the first day
   * @param lastDay the last day
   * @param recordedBy the recorded by
   */
  public WorkplaceImmersion {
    TremplinException.required(id, "id");
    TremplinException.required(cohort, "cohort");
    TremplinException.required(learner, "learner");
    TremplinException.required(objective, "objective");
    hostOrganisation = NewImmersion.checkName(hostOrganisation, "host organisation");
    tutor = NewImmersion.checkName(tutor, "tutor");
    TremplinException.required(firstDay, "firstDay");
    TremplinException.required(lastDay, "lastDay");
    TremplinException.check(!lastDay.isBefore(firstDay), "immersion ends before it starts");
    TremplinException.requiredText(recordedBy, "recordedBy");
  }
}
