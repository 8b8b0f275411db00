package org.tremplin.lti.grades;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceUrlsTest {
  private static final URI MOODLE_ITEM =
      URI.create("https://moodle.example/mod/lti/services.php/42/lineitems/7/lineitem?type_id=3");

  @Test
  void aSegmentGoesIntoThePathAndMoodlesQueryStays() {
    assertThat(ServiceUrls.withSegment(MOODLE_ITEM, "scores"))
        .hasToString(
            "https://moodle.example/mod/lti/services.php/42/lineitems/7/lineitem/scores?type_id=3");
    assertThat(
            ServiceUrls.withSegment(
                URI.create("https://canvas.example/api/lti/courses/1/line_items/9/"), "results"))
        .hasToString("https://canvas.example/api/lti/courses/1/line_items/9/results");
  }

  @Test
  void filtersJoinTheExistingQueryEncoded() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("resource_id", "competency:CP1");
    filters.put("tag", "tremplin & co");
    assertThat(
            ServiceUrls.withParameters(
                URI.create("https://moodle.example/mod/lti/services.php/42/lineitems?type_id=3"),
                filters))
        .hasToString(
            "https://moodle.example/mod/lti/services.php/42/lineitems?type_id=3"
                + "&resource_id=competency%3ACP1&tag=tremplin+%26+co");
  }

  @Test
  void theNextPageIsFoundInEveryFormOfLinkHeader() {
    URI page = URI.create("https://lms.example/items?page=1");
    String moodle =
        new String(
            "<https://lms.example/items?page=2>; rel=\u201cnext\u201d"
                .getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1);
    assertThat(ServiceUrls.next(page, List.of(moodle)))
        .containsExactly(URI.create("https://lms.example/items?page=2"));
    assertThat(
            ServiceUrls.next(
                page,
                List.of(
                    "<https://lms.example/items?page=1>; rel=\"first\","
                        + " </items?page=3>; rel=\"next last\"")))
        .containsExactly(URI.create("https://lms.example/items?page=3"));
    assertThat(ServiceUrls.next(page, List.of("<https://lms.example/items?page=4>;rel=next")))
        .containsExactly(URI.create("https://lms.example/items?page=4"));
    assertThat(ServiceUrls.next(page, List.of("<https://lms.example/x>; rel=\"prev\""))).isEmpty();
    assertThat(ServiceUrls.next(page, List.of("<https://lms.example/x>; rel=\"nextpage\"")))
        .isEmpty();
  }
}
