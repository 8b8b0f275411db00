package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.tremplin.core.dataset.DatasetProgress;

class DatasetCommandTest {
  private static String drive(boolean terminal, String lang) {
    StringWriter text = new StringWriter();
    DatasetProgress progress =
        DatasetCommand.progress(
            new PrintWriter(text), Messages.of(lang), System.nanoTime(), terminal);
    for (int done = 1; done <= 20; done++) {
      progress.committed(done, 20, 1_000L * done);
    }
    return text.toString();
  }

  @Test
  void onATerminalTheBarIsRedrawnOnOneLineThatEndsWhenDone() {
    String out = drive(true, "en");

    assertThat(out).startsWith("\r[#.............................] 5 %: 1/20 cohorts, 1,000 rows");
    assertThat(out.split("\r")).hasSize(21);
    assertThat(out)
        .contains("\r[##############################] 100 %: 20/20 cohorts, 20,000 rows")
        .endsWith("\n")
        .doesNotContain("\n\r");
  }

  @Test
  void elsewhereAPlainLineIsPrintedAtEveryTenth() {
    String out = drive(false, "fr");

    assertThat(out).doesNotContain("\r").doesNotContain("[");
    assertThat(out.lines()).hasSize(10);
    assertThat(out.lines().findFirst().orElseThrow()).startsWith("10 % : 2/20 promotions");
    assertThat(out.lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("100 % : 20/20 promotions, 20\u202f000 lignes");
  }
}
