package org.tremplin.web.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tremplin.web.coach.CaseloadResource.Line;

class CaseloadOrderTest {
  private static Line line(
      String name, int alerts, long sinceMeeting, long endingIn, boolean exited) {
    return new Line(
        "École", name, name, "Promo", alerts, sinceMeeting, endingIn, List.of(), false, exited);
  }

  @Test
  void openAlertsComeFirstThenTheLongestWithoutAMeetingThenTheSoonestEndingAndExitsLast() {
    List<Line> lines =
        new ArrayList<>(
            List.of(
                line("met yesterday", 0, 1, Long.MAX_VALUE, false),
                line("left", 3, Long.MAX_VALUE, Long.MAX_VALUE, true),
                line("never met", 0, Long.MAX_VALUE, Long.MAX_VALUE, false),
                line("one alert", 1, 2, Long.MAX_VALUE, false),
                line("two alerts", 2, 0, Long.MAX_VALUE, false),
                line("ending in 10 days", 0, 1, 10, false),
                line("met 40 days ago", 0, 40, Long.MAX_VALUE, false)));

    lines.sort(CaseloadResource.ORDER);

    assertThat(lines)
        .extracting(Line::name)
        .containsExactly(
            "two alerts",
            "one alert",
            "never met",
            "met 40 days ago",
            "ending in 10 days",
            "met yesterday",
            "left");
  }
}
