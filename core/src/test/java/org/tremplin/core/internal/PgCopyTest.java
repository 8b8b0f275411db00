package org.tremplin.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgCopyTest {
  @Test
  void copyTextEscapesWhatWouldEndAValueOrARow() {
    assertThat(PgCopy.text("cli:ops")).isEqualTo("cli:ops");
    assertThat(PgCopy.text("a\tb\\c\nd\re")).isEqualTo("a\\tb\\\\c\\nd\\re");
  }
}
