package org.tremplin.lti.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tremplin.api.access.Role;
import org.tremplin.lti.deeplinking.ItemRef;

class LaunchTargetsTest {
  private static Map<String, String> item(String value) {
    return Map.of(ItemRef.CUSTOM_KEY, value);
  }

  @Test
  void aLearnerLandsOnTheirPathForACompetencyOrAPhaseAndOnTheItemPageOtherwise() {
    Set<Role> learner = Set.of(Role.LEARNER);
    assertThat(LaunchTargets.resolve(learner, true, item("competency:CP3")).page())
        .isEqualTo(FlowOutcome.Page.PATH);
    assertThat(LaunchTargets.resolve(learner, true, item("phase:PROJECT")).page())
        .isEqualTo(FlowOutcome.Page.PATH);
    assertThat(LaunchTargets.resolve(learner, true, item("assessment:BC01")).page())
        .isEqualTo(FlowOutcome.Page.ITEM);
    assertThat(LaunchTargets.resolve(learner, true, item("unit:U1")).page())
        .isEqualTo(FlowOutcome.Page.ITEM);
  }

  @Test
  void aTrainerLandsOnTheGridOrTheCalendarOnlyWhenTheSessionNamesTheCohort() {
    Set<Role> trainer = Set.of(Role.TRAINER);
    LaunchTargets.Target grid = LaunchTargets.resolve(trainer, true, item("competency:CP3"));
    assertThat(grid.page()).isEqualTo(FlowOutcome.Page.COHORT_GRID);
    assertThat(grid.item()).isEqualTo(new ItemRef(ItemRef.Kind.COMPETENCY, "CP3"));
    assertThat(LaunchTargets.resolve(trainer, true, item("phase:PROJECT")).page())
        .isEqualTo(FlowOutcome.Page.COHORT_CALENDAR);
    assertThat(LaunchTargets.resolve(trainer, false, item("competency:CP3")).page())
        .isEqualTo(FlowOutcome.Page.ITEM);
    assertThat(LaunchTargets.resolve(trainer, true, item("unit:U1")).page())
        .isEqualTo(FlowOutcome.Page.ITEM);
  }

  @Test
  void noItemOrNoRoleLandsHome() {
    assertThat(LaunchTargets.resolve(Set.of(Role.LEARNER), true, Map.of()).page())
        .isEqualTo(FlowOutcome.Page.HOME);
    assertThat(LaunchTargets.resolve(Set.of(), true, item("competency:CP3")).page())
        .isEqualTo(FlowOutcome.Page.HOME);
    assertThat(LaunchTargets.resolve(Set.of(Role.LEARNER), true, item("nonsense")).page())
        .isEqualTo(FlowOutcome.Page.HOME);
  }
}
