package org.tremplin.lti.deeplinking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.programme.Phase;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.Unit;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.LaunchIdentities;

/**
 * What a cohort's programme offers to place as activities (LTI.md §4): its phases, the units of
 * each phase, the competencies of its certification version and each block's in-training assessment
 * (ECF), in the programme's order. Real projects are not in the engine yet: the "real project"
 * phase stands for them. Immutable.
 *
 * @param items the items, phases first, then units, competencies, assessments
 */
public record ProgrammeItems(List<OfferedItem> items) {
  /**
   * Copies the list.
   *
   * @param items the items
   */
  public ProgrammeItems {
    items = List.copyOf(items);
  }

  /**
   * What the programme of this cohort offers (read on the adapter's own behalf: no personal data).
   *
   * @param tremplin the engine
   * @param cohortId the cohort id
   * @return what the programme of this cohort offers (read on the adapter's own behalf: no personal
   *     data)
   */
  public static ProgrammeItems of(Tremplin tremplin, CohortId cohortId) {
    Cohort cohort = LaunchIdentities.cohort(tremplin, cohortId);
    ProgrammeTemplate programme = tremplin.templates().get(cohort.template());
    CertificationVersion certification =
        tremplin.certifications().version(programme.certification());
    return of(programme, certification);
  }

  /**
   * What this programme, preparing this certification version, offers.
   *
   * @param programme the programme
   * @param certification the certification
   * @return what this programme, preparing this certification version, offers
   */
  public static ProgrammeItems of(ProgrammeTemplate programme, CertificationVersion certification) {
    List<OfferedItem> items = new ArrayList<>();
    for (Phase phase : programme.phases()) {
      items.add(
          new OfferedItem(
              new ItemRef(ItemRef.Kind.PHASE, phase.code()),
              phase.name(),
              new LocalizedText(
                  "semaines " + phase.startWeek() + " à " + phase.endWeek(),
                  "weeks " + phase.startWeek() + " to " + phase.endWeek())));
    }
    for (Phase phase : programme.phases()) {
      for (Unit unit : phase.units()) {
        items.add(
            new OfferedItem(
                new ItemRef(ItemRef.Kind.UNIT, unit.code()),
                unit.name(),
                new LocalizedText(
                    phase.name().fr() + " — " + unit.hours() + " h",
                    phase.name().en() + " — " + unit.hours() + " h")));
      }
    }
    for (CompetencyBlock block : certification.blocks()) {
      for (Competency competency : block.competencies()) {
        items.add(
            new OfferedItem(
                new ItemRef(ItemRef.Kind.COMPETENCY, competency.code()),
                new LocalizedText(
                    competency.code() + " — " + competency.title().fr(),
                    competency.code() + " — " + competency.title().en()),
                block.title()));
      }
    }
    for (CompetencyBlock block : certification.blocks()) {
      items.add(
          new OfferedItem(
              new ItemRef(ItemRef.Kind.ASSESSMENT, block.code()),
              new LocalizedText(
                  "ECF — " + block.title().fr(),
                  "In-training assessment (ECF) — " + block.title().en()),
              new LocalizedText(block.code(), block.code())));
    }
    return new ProgrammeItems(items);
  }

  /**
   * The item with this reference, if the programme has it.
   *
   * @param ref the ref
   * @return the item with this reference, if the programme has it
   */
  public Optional<OfferedItem> find(ItemRef ref) {
    return items.stream().filter(i -> i.ref().equals(ref)).findFirst();
  }

  /**
   * The items of this kind, in order.
   *
   * @param kind the kind
   * @return the items of this kind, in order
   */
  public List<OfferedItem> ofKind(ItemRef.Kind kind) {
    return items.stream().filter(i -> i.ref().kind() == kind).toList();
  }
}
