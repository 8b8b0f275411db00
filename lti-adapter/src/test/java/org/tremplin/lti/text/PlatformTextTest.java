package org.tremplin.lti.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformTextTest {

  @Test
  void controlCharactersAreRemovedAndLineBreaksBecomeOneSpace() {
    assertThat(PlatformText.clean("Ada\u0000\u0007 \r\n\tLovelace\u007f\u0085", 200))
        .isEqualTo("Ada Lovelace");
  }

  @Test
  void bidirectionalControlsAreRemoved() {
    assertThat(PlatformText.clean("\u202eecilA\u202c \u2067Bob\u2069\u200f", 200))
        .isEqualTo("ecilA Bob");
  }

  @Test
  void unpairedSurrogatesAndNonCharactersAreRemovedButPairsKept() {
    assertThat(PlatformText.clean("a\ud800b\udc00c\uffff😀", 200)).isEqualTo("abc😀");
  }

  @Test
  void aLongTextIsCutToTheBoundWithAnEllipsis() {
    String cut = PlatformText.clean("x".repeat(10_000), 200);

    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(200);
    assertThat(cut).endsWith("x…");
  }

  @Test
  void aCutNeverSplitsASurrogatePairAndCountsCodePoints() {
    String cut = PlatformText.clean("😀".repeat(300), 10);

    assertThat(cut).isEqualTo("😀".repeat(9) + "…");
  }

  @Test
  void aTextThatFitsExactlyIsNotCut() {
    assertThat(PlatformText.clean("abcde", 5)).isEqualTo("abcde");
    assertThat(PlatformText.clean("abcdef", 5)).isEqualTo("abcd…");
  }

  @Test
  void aCutAfterASpaceDropsTheSpace() {
    assertThat(PlatformText.clean("abc defgh", 5)).isEqualTo("abc…");
  }

  @Test
  void nothingPrintableLeftIsEmptyOrNull() {
    assertThat(PlatformText.clean("\u0000 \u202e\t", 10)).isEmpty();
    assertThat(PlatformText.cleanOrNull("\u0000", 10)).isNull();
    assertThat(PlatformText.cleanOrNull(null, 10)).isNull();
  }

  @Test
  void cleaningTwiceChangesNothing() {
    String once = PlatformText.clean(" Ada \u0000 Lovelace " + "z".repeat(300), 50);

    assertThat(PlatformText.clean(once, 50)).isEqualTo(once);
  }

  @Test
  void identifiersWithControlsOrBeyondTheBoundAreRefused() {
    assertThat(PlatformText.isIdentifier("user-42", 255)).isTrue();
    assertThat(PlatformText.isIdentifier("ünïcode id 42", 255)).isTrue();
    assertThat(PlatformText.isIdentifier("", 255)).isFalse();
    assertThat(PlatformText.isIdentifier("a".repeat(256), 255)).isFalse();
    assertThat(PlatformText.isIdentifier("user\u000042", 255)).isFalse();
    assertThat(PlatformText.isIdentifier("user\n42", 255)).isFalse();
    assertThat(PlatformText.isIdentifier("user\u202e42", 255)).isFalse();
    assertThat(PlatformText.isIdentifier("user\ud80042", 255)).isFalse();
  }
}
