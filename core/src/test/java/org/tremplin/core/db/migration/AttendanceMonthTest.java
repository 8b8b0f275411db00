package org.tremplin.core.db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tremplin.api.attendance.Mark;

/** V31's mark lists (frozen in the migration) agree with the marks' vocabulary of today. */
class AttendanceMonthTest {
  private static Set<String> listed(String sql) {
    return Arrays.stream(sql.split(","))
        .map(s -> s.trim().replace("'", ""))
        .collect(Collectors.toSet());
  }

  private static Set<String> counting(Mark.Counts counts) {
    return Arrays.stream(Mark.values())
        .filter(m -> m.counts() == counts)
        .map(Mark::name)
        .collect(Collectors.toSet());
  }

  @Test
  void everyMarkCountsInTheCategoryTheRateRuleGivesIt() {
    assertThat(listed(V31__attendance_month.ATTENDED)).isEqualTo(counting(Mark.Counts.ATTENDED));
    assertThat(listed(V31__attendance_month.JUSTIFIED))
        .isEqualTo(counting(Mark.Counts.JUSTIFIED_ABSENCE));
    assertThat(listed(V31__attendance_month.UNJUSTIFIED))
        .isEqualTo(counting(Mark.Counts.UNJUSTIFIED_ABSENCE));
    assertThat(listed(V31__attendance_month.PLACEMENT)).containsExactly(Mark.IN_PLACEMENT.name());
  }
}
