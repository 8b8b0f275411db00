package org.tremplin.core.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.core.certification.ResourceCertificationCatalog;

class TemplateValidatorTest {
  private static final TemplateValidator VALIDATOR =
      new TemplateValidator(new ResourceCertificationCatalog());
  private static final String DEFAULT =
      TemplateCodec.write(TemplateCodec.read(TemplateLibrary.builtInDocument("ecole-du-web.json")));

  private static ErrorCode codeOf(String json) {
    try {
      VALIDATOR.check(TemplateCodec.read(json));
      return null;
    } catch (TremplinException e) {
      return e.code();
    }
  }

  @Test
  void acceptsTheBuiltInTemplate() {
    assertThat(VALIDATOR.problems(TemplateCodec.read(DEFAULT))).isEmpty();
  }

  @Test
  void namesAnUnknownCompetencyAndTheUnitThatUsesIt() {
    String json = DEFAULT.replace("\"CP5\"", "\"CP9\"");

    assertThatThrownBy(() -> VALIDATOR.check(TemplateCodec.read(json)))
        .isInstanceOf(TremplinException.class)
        .hasMessageContaining("CP9")
        .hasMessageContaining("DATABASE")
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TEMPLATE_UNKNOWN_COMPETENCY);
  }

  @Test
  void detectsPhasesThatOverlap() {
    assertThat(codeOf(DEFAULT.replace("\"startWeek\" : 7", "\"startWeek\" : 6")))
        .isEqualTo(ErrorCode.TEMPLATE_PHASES_OVERLAP);
  }

  @Test
  void detectsPhasesThatLeaveAGap() {
    assertThat(codeOf(DEFAULT.replace("\"startWeek\" : 23", "\"startWeek\" : 25")))
        .isEqualTo(ErrorCode.TEMPLATE_PHASES_GAP);
  }

  @Test
  void detectsAFirstPhaseThatDoesNotStartAtWeekOne() {
    String json = DEFAULT.replaceFirst("\"startWeek\" : 1,", "\"startWeek\" : 2,");
    assertThat(codeOf(json)).isIn(ErrorCode.TEMPLATE_PHASES_GAP);
  }

  @Test
  void detectsUnitHoursBeyondThePhaseWeeks() {
    // SOCLE has 6 weeks (210 h): its first 70 h unit (HTML/CSS) raised to 700 h.
    assertThat(codeOf(DEFAULT.replaceFirst("\"hours\" : 70,", "\"hours\" : 700,")))
        .isEqualTo(ErrorCode.TEMPLATE_HOURS_EXCEED_CALENDAR);
  }

  @Test
  void listsEveryProblemInTheMessage() {
    String json =
        DEFAULT.replace("\"CP5\"", "\"CP9\"").replace("\"startWeek\" : 23", "\"startWeek\" : 25");
    try {
      VALIDATOR.check(TemplateCodec.read(json));
    } catch (TremplinException e) {
      assertThat(e.getMessage()).contains("CP9").contains("weeks 23 to 24");
      return;
    }
    throw new AssertionError("expected a rejection");
  }

  @Test
  void refusesAnUnknownCertificationVersion() {
    assertThat(codeOf(DEFAULT.replace("DWWM-2023", "DWWM-2031")))
        .isEqualTo(ErrorCode.CERTIFICATION_NOT_FOUND);
  }

  @Test
  void duplicateUnitCodesAreRefused() {
    assertThat(codeOf(DEFAULT.replace("\"code\" : \"LOGIC\"", "\"code\" : \"ONBOARDING\"")))
        .isEqualTo(ErrorCode.TEMPLATE_INVALID);
  }

  @Test
  void phaseCodesListTheDefaultPhasesInOrder() {
    assertThat(TemplateCodec.read(DEFAULT).phases().stream().map(p -> p.code()).toList())
        .isEqualTo(List.of("SOCLE", "INTENSIVE", "PROJECT", "PLACEMENT", "CERTIFICATION"));
  }
}
