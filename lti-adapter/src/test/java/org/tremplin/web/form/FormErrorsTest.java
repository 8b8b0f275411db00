package org.tremplin.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tremplin.web.page.PageAssertions.HOSTILE;
import static org.tremplin.web.page.PageAssertions.assertEscapesHostile;
import static org.tremplin.web.page.PageAssertions.assertIsALayoutPage;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tremplin.web.page.Templates;

/** {@link FormErrors} and the templates that show them. */
class FormErrorsTest {

  @Test
  void aFieldKeepsItsFirstMessageAndTheSummaryKeepsTheOrderFound() {
    FormErrors errors =
        FormErrors.in(Locale.FRENCH)
            .add("reason", "first")
            .add("mark", "m")
            .add("reason", "second");

    assertThat(errors.list())
        .containsExactly(
            new FormErrors.Problem("reason", "first"), new FormErrors.Problem("mark", "m"));
    assertThat(errors.of("reason")).isEqualTo("first");
    assertThat(errors.of("other")).isEmpty();
    assertThat(errors.has("mark")).isTrue();
  }

  @Test
  void aFieldShowsWhatWasEnteredElseItsDefault() {
    FormErrors errors = FormErrors.in(Locale.ENGLISH).add("reason", "Say why");

    Field entered = errors.field("reason", "typed", "default");
    Field fresh = errors.field("minutes", null, "5");

    assertThat(entered.value()).isEqualTo("typed");
    assertThat(entered.invalid()).isTrue();
    assertThat(entered.errorId()).isEqualTo("reason-error");
    assertThat(entered.errorPrefix()).isEqualTo("Error:");
    assertThat(fresh.value()).isEqualTo("5");
    assertThat(fresh.invalid()).isFalse();
    assertThat(fresh.is("5")).isTrue();
  }

  @Test
  void theSummaryLinksEachErrorToItsFieldInTheUsersLanguageEscaped() {
    FormErrors errors = FormErrors.in(Locale.ENGLISH).add("reason", HOSTILE);

    String html = Templates.web().render("form/summary.jte", errors);

    assertThat(html)
        .contains("There is a problem")
        .contains("<a href=\"#reason\">")
        .contains("role=\"alert\"");
    assertEscapesHostile(html);
    assertThat(errors.titlePrefix()).isEqualTo("Error: ");
    assertThat(FormErrors.in(Locale.FRENCH).title()).isEqualTo("Il y a un problème");
    assertThat(FormErrors.in(Locale.FRENCH).titlePrefix()).isEmpty();
  }

  @Test
  void noSummaryWithoutErrors() {
    assertThat(Templates.web().render("form/summary.jte", FormErrors.in(Locale.FRENCH))).isBlank();
  }

  @Test
  void theErrorNextToAFieldIsIntroducedForScreenReaders() {
    Field field = FormErrors.in(Locale.FRENCH).add("reason", HOSTILE).field("reason", "", "");

    String html = Templates.web().render("form/error.jte", field);

    assertThat(html)
        .contains("id=\"reason-error\"")
        .contains("<span class=\"visually-hidden\">Erreur : </span>");
    assertEscapesHostile(html);
  }

  @Test
  void theRefusalPagesSayWhatToDoInTheUsersLanguage() throws Exception {
    String fr = (String) FormPages.refused(Locale.FRENCH, 403).getEntity();
    String en = (String) FormPages.refused(Locale.ENGLISH, 409, "../../").getEntity();

    assertIsALayoutPage(fr, "fr");
    assertIsALayoutPage(en, "en");
    assertThat(fr).contains("Rouvrez Tremplin depuis votre plateforme");
    assertThat(en).contains("already being saved").contains("href=\"../../assets/tremplin.css");
  }
}
