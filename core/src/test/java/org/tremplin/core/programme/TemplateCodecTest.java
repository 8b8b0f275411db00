package org.tremplin.core.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.programme.ProgrammeTemplate;

class TemplateCodecTest {
  private static final String DEFAULT =
      TemplateCodec.write(TemplateCodec.read(TemplateLibrary.builtInDocument("ecole-du-web.json")));

  private static void assertMalformed(String json, String... fragments) {
    assertThatThrownBy(() -> TemplateCodec.read(json))
        .isInstanceOf(TremplinException.class)
        .satisfies(
            e -> {
              assertThat(((TremplinException) e).code()).isEqualTo(ErrorCode.TEMPLATE_MALFORMED);
              for (String f : fragments) {
                assertThat(e.getMessage()).contains(f);
              }
            });
  }

  @Test
  void writingThenReadingGivesTheSameTemplate() {
    ProgrammeTemplate t = TemplateCodec.read(DEFAULT);
    assertThat(TemplateCodec.read(TemplateCodec.write(t))).isEqualTo(t);
  }

  @Test
  void namesTheMissingFieldWithItsPath() {
    assertMalformed(
        DEFAULT.replace("\"hours\" : 35,\n      \"competencies\" : [ ]", "\"competencies\" : [ ]"),
        "phases[0].units[0].hours is required");
  }

  @Test
  void refusesTextThatIsNotJson() {
    assertMalformed("{ not json", "not valid JSON");
  }

  @Test
  void refusesUnknownFieldsNamingThem() {
    assertMalformed(DEFAULT.replace("\"placementHours\"", "\"placementHour\""), "placementHour");
  }

  @Test
  void refusesAnUnknownPhaseKind() {
    assertMalformed(DEFAULT.replace("\"FOUNDATION\"", "\"HOLIDAY\""), "HOLIDAY");
  }

  @Test
  void refusesNegativeHoursNamingTheUnit() {
    assertMalformed(DEFAULT.replace("\"hours\" : 35,", "\"hours\" : -35,"), "phases[0].units[0]");
  }

  @Test
  void refusesAMissingEnglishName() {
    assertMalformed(
        DEFAULT.replaceFirst("\"en\" : \"Foundations\"", "\"de\" : \"Grundlagen\""), "de");
  }
}
