package org.tremplin.lti.deeplinking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ItemRef}: the id carried in {@code custom} and as a line item's resourceId. */
class ItemRefTest {
  @Test
  void anItemIdReadsBackAsItWasWritten() {
    for (ItemRef.Kind kind : ItemRef.Kind.values()) {
      ItemRef ref = new ItemRef(kind, "CODE_1");
      assertThat(ItemRef.parse(ref.toString())).contains(ref);
    }
    assertThat(new ItemRef(ItemRef.Kind.COMPETENCY, "CP3")).hasToString("competency:CP3");
  }

  @Test
  void onlyCompetenciesAndAssessmentsAreGraded() {
    assertThat(ItemRef.Kind.COMPETENCY.graded()).isTrue();
    assertThat(ItemRef.Kind.ASSESSMENT.graded()).isTrue();
    assertThat(ItemRef.Kind.PHASE.graded()).isFalse();
    assertThat(ItemRef.Kind.UNIT.graded()).isFalse();
  }

  @Test
  void textsThatAreNoItemIdReadAsNothing() {
    for (String text :
        new String[] {
          "",
          ":",
          "competency",
          "competency:",
          ":CP3",
          "COMPETENCY:CP3",
          "project:P1",
          "competency:a:b",
          "competency:" + "x".repeat(101),
          "competency: "
        }) {
      assertThat(ItemRef.parse(text)).as(text).isEmpty();
    }
  }
}
