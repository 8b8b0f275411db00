package org.tremplin.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link PlatformAnswer}: a platform's refusal shortened to what helps (issue 11, item 7). */
class PlatformAnswerTest {
  @Test
  void plainTextKeepsItsStartWithoutControlCharacters() {
    assertThat(PlatformAnswer.excerpt("  invalid\u0000 token\n\tplease retry \u202e "))
        .isEqualTo("invalid token please retry");
  }

  @Test
  void anHtmlPageBecomesItsTitleAndVisibleText() {
    String page =
        "<!DOCTYPE html><html><head><title>Moodle: Error</title>"
            + "<script>alert('x')</script><style>p{}</style></head>"
            + "<body><!-- hidden --><h1>Moodle: Error</h1><p>Invalid &lt;token&gt;</p></body></html>";

    assertThat(PlatformAnswer.excerpt(page)).isEqualTo("Moodle: Error — Invalid <token>");
  }

  @Test
  void aLongAnswerIsCutWithAnEllipsis() {
    String excerpt = PlatformAnswer.excerpt("word ".repeat(100));

    assertThat(excerpt).endsWith("…").hasSizeLessThanOrEqualTo(PlatformAnswer.MAX_EXCERPT + 1);
  }

  @Test
  void nothingReadableGivesNothing() {
    assertThat(PlatformAnswer.excerpt("<html><body><script>x</script></body></html>")).isEmpty();
    assertThat(PlatformAnswer.excerpt("   ")).isEmpty();
  }
}
