package org.tremplin.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.tremplin.api.attendance.AttendanceRates;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.core.Tremplin;

class EmbedExampleTest {
  @Test
  void recordsTheFirstDayAndReadsItsRates() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    Tremplin tremplin =
        Tremplin.create(
            Tremplin.dataSource("jdbc:h2:mem:embed-test;DB_CLOSE_DELAY=-1", "sa", ""),
            Clock.fixed(EmbedExample.FIRST_DAY.atTime(18, 0).atZone(paris).toInstant(), paris));

    AttendanceRates rates = EmbedExample.firstDay(tremplin);

    assertThat(rates.period()).isEqualTo(DateRange.of(EmbedExample.FIRST_DAY));
    assertThat(rates.planned()).isEqualTo(6);
    assertThat(rates.attended()).isEqualTo(5);
    assertThat(rates.justifiedAbsences()).isEqualTo(1);
    assertThat(rates.unjustifiedAbsences()).isZero();
    assertThat(rates.lateMinutes()).isEqualTo(15);
    assertThat(rates.attendanceRate()).isEqualByComparingTo("0.8333");
  }
}
