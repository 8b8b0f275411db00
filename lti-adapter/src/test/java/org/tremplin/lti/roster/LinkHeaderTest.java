package org.tremplin.lti.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forms of {@code Link} header platforms send (LTI.md §6). */
class LinkHeaderTest {
  private static final URI BASE = URI.create("https://lms.example.org/nrps/7/memberships?page=1");

  @Test
  void readsOneRelationPerHeader() {
    assertThat(
            LinkHeader.relations(
                List.of(
                    "<https://lms.example.org/nrps/7/memberships?page=2>; rel=\"next\"",
                    "<https://lms.example.org/nrps/7/memberships?since=9>; rel=\"differences\""),
                BASE))
        .containsEntry("next", URI.create("https://lms.example.org/nrps/7/memberships?page=2"))
        .containsEntry(
            "differences", URI.create("https://lms.example.org/nrps/7/memberships?since=9"));
  }

  @Test
  void readsSeveralRelationsInOneHeaderEvenWithCommasInTheTargets() {
    String header =
        "<https://canvas.example/api/lti/courses/1/names_and_roles?page=1&per_page=50>;"
            + " rel=\"current\",<https://canvas.example/api/x?a=1,2&page=2>; rel=\"next\","
            + " <https://canvas.example/api/x?page=1>; rel=\"first\"";

    assertThat(LinkHeader.relation(List.of(header), BASE, "next"))
        .contains(URI.create("https://canvas.example/api/x?a=1,2&page=2"));
    assertThat(LinkHeader.relations(List.of(header), BASE))
        .containsKeys("current", "next", "first");
  }

  @Test
  void readsUnquotedValuesAndSpacesAroundTheSemicolon() {
    assertThat(LinkHeader.relation(List.of("<https://lms/p2>;rel=next"), BASE, "next"))
        .contains(URI.create("https://lms/p2"));
    assertThat(LinkHeader.relation(List.of("<https://lms/p2> ;  REL = next "), BASE, "next"))
        .contains(URI.create("https://lms/p2"));
  }

  @Test
  void readsMoodlesTypographicQuotes() {
    assertThat(
            LinkHeader.relation(
                List.of(
                    "<https://moodle/mod/lti/services.php/2/bindings/3/memberships?page=2>;"
                        + " rel=\u201cnext\u201d"),
                BASE,
                "next"))
        .contains(
            URI.create("https://moodle/mod/lti/services.php/2/bindings/3/memberships?page=2"));
  }

  @Test
  void readsTypographicQuotesAsTheHttpClientHandsThemOverFromUtf8Bytes() {
    String onTheWire =
        new String(
            "<https://moodle/p2>; rel=\u201cnext\u201d"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(LinkHeader.relation(List.of(onTheWire), BASE, "next"))
        .contains(URI.create("https://moodle/p2"));
  }

  @Test
  void readsSeveralRelationTypesInOneRelAndResolvesRelativeTargets() {
    assertThat(
            LinkHeader.relations(List.of("</nrps/7/memberships?page=5>; rel=\"next last\""), BASE))
        .containsEntry("next", URI.create("https://lms.example.org/nrps/7/memberships?page=5"))
        .containsEntry("last", URI.create("https://lms.example.org/nrps/7/memberships?page=5"));
  }

  @Test
  void skipsMalformedLinksAndAnswersNothingWithoutANextRelation() {
    assertThat(
            LinkHeader.relation(
                List.of("https://lms/p2; rel=next", "<https://lms/p3>; title=\"next\"", ""),
                BASE,
                "next"))
        .isEmpty();
  }

  @Test
  void theFirstLinkOfARelationWins() {
    assertThat(
            LinkHeader.relation(
                List.of("<https://lms/a>; rel=next", "<https://lms/b>; rel=next"), BASE, "next"))
        .contains(URI.create("https://lms/a"));
  }
}
