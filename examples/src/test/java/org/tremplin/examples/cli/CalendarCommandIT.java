package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CalendarCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START = "2025-09-01";
  private static final String END = "2026-06-30";

  private static JsonNode calendarJson(String... extra) throws Exception {
    String[] args =
        Stream.concat(
                Stream.of("calendar", "--start", START, "--end", END, "--format", "json"),
                Stream.of(extra))
            .toArray(String[]::new);
    JarRun run = JarRun.of(args);
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    return JSON.readTree(run.stdout());
  }

  @Test
  void countsTwoHundredNineWorkingDaysFromSeptemberToJuneInHautsDeSeine() throws Exception {
    JsonNode calendar = calendarJson("--departement", "92");

    assertThat(calendar.get("workingDays").asInt()).isEqualTo(209);
    assertThat(calendar.get("halfDays").asInt()).isEqualTo(418);
    assertThat(calendar.get("plannedHours").isNumber()).isTrue();
    assertThat(calendar.get("plannedHours").asInt()).isEqualTo(1463);
    assertThat(calendar.get("publicHolidays"))
        .extracting(JsonNode::asText)
        .contains("2025-11-11", "2025-12-25", "2026-01-01", "2026-04-06")
        .doesNotContain("2025-12-26", "2026-04-03");
    assertThat(calendar.has("phases")).isFalse();
  }

  @Test
  void countsTwoFewerWorkingDaysInMoselleForGoodFridayAndSaintStephensDay() throws Exception {
    JsonNode calendar = calendarJson("--departement", "57");

    assertThat(calendar.get("workingDays").asInt()).isEqualTo(207);
    assertThat(calendar.get("halfDays").asInt()).isEqualTo(414);
    assertThat(calendar.get("plannedHours").asInt()).isEqualTo(1449);
    assertThat(calendar.get("publicHolidays"))
        .extracting(JsonNode::asText)
        .contains("2025-12-26", "2026-04-03");
  }

  @Test
  void closuresRemoveExactlyTheWorkingWeekdaysTheyCover() throws Exception {
    String autumn = "2025-10-20/2025-10-31";
    String christmas = "2025-12-22/2026-01-02";
    JsonNode open = calendarJson("--departement", "92");
    JsonNode closed =
        calendarJson("--departement", "92", "--closure", autumn, "--closure", christmas);

    Set<LocalDate> holidays = new HashSet<>();
    open.get("publicHolidays").forEach(h -> holidays.add(LocalDate.parse(h.asText())));
    long covered =
        Stream.of(autumn, christmas)
            .flatMap(
                c -> {
                  String[] parts = c.split("/");
                  return LocalDate.parse(parts[0])
                      .datesUntil(LocalDate.parse(parts[1]).plusDays(1));
                })
            .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY)
            .filter(d -> d.getDayOfWeek() != DayOfWeek.SUNDAY)
            .filter(d -> !holidays.contains(d))
            .count();
    assertThat(covered).isEqualTo(18); // 10 + 10 weekdays, minus 25 Dec and 1 Jan
    assertThat(closed.get("workingDays").asInt())
        .isEqualTo(open.get("workingDays").asInt() - covered);
    assertThat(closed.get("halfDays").asInt()).isEqualTo(2 * closed.get("workingDays").asInt());
  }

  @Test
  void laysOutTheFivePhasesOfTheBuiltInTemplateFromTheFirstDay() throws Exception {
    JsonNode calendar = calendarJson("--departement", "92", "--template", "ecole-du-web");

    JsonNode phases = calendar.get("phases");
    assertThat(phases).hasSize(5);
    assertThat(phases.get(0).get("name").asText()).isEqualTo("Remise à niveau / socle");
    assertThat(phases.get(0).get("start").asText()).isEqualTo(START);
    assertThat(phases.get(4).get("end").asText()).isEqualTo(END);
    for (int i = 1; i < phases.size(); i++) {
      LocalDate previousEnd = LocalDate.parse(phases.get(i - 1).get("end").asText());
      assertThat(LocalDate.parse(phases.get(i).get("start").asText()))
          .isEqualTo(previousEnd.plusDays(1));
    }
    assertThat(calendar.get("workingDays").asInt()).isEqualTo(209);
  }

  @Test
  void printsAFrenchSummaryByDefaultAndAnEnglishOneWithLangEn() throws Exception {
    JarRun french =
        JarRun.of(
            "calendar",
            "--start",
            START,
            "--end",
            END,
            "--departement",
            "92",
            "--template",
            "ecole-du-web");
    JarRun english =
        JarRun.of(
            "calendar", "--start", START, "--end", END, "--departement", "92", "--lang", "en");

    assertThat(french.exitCode()).isZero();
    assertThat(french.outputLines())
        .contains("Jours ouvrés : 209", "Demi-journées : 418")
        .anyMatch(l -> l.contains("Remise à niveau / socle") && l.contains("1 sept. 2025"))
        .anyMatch(l -> l.contains("Session de certification"));
    assertThat(english.exitCode()).isZero();
    assertThat(english.outputLines())
        .contains("Working days: 209", "Half-days: 418", "Planned hours: 1,463")
        .anyMatch(l -> l.contains("Easter Monday"));
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(
            new String[] {"calendar", "--start", START, "--end", "2025-01-01"}, "--end 2025-01-01"),
        Arguments.of(new String[] {"calendar", "--start", START}, "--end"),
        Arguments.of(
            new String[] {"calendar", "--start", "2025-13-01", "--end", END}, "2025-13-01"),
        Arguments.of(new String[] {"calendar", "--start", "demain", "--end", END}, "demain"),
        Arguments.of(
            new String[] {"calendar", "--start", START, "--end", END, "--departement", "99"},
            "--departement 99"),
        Arguments.of(
            new String[] {"calendar", "--start", START, "--end", END, "--template", "no-such"},
            "--template no-such"),
        Arguments.of(
            new String[] {
              "calendar", "--start", START, "--end", "2025-12-31", "--template", "ecole-du-web"
            },
            "--template ecole-du-web"),
        Arguments.of(
            new String[] {"calendar", "--start", START, "--end", END, "--closure", "2025-12-22"},
            "--closure 2025-12-22"),
        Arguments.of(
            new String[] {
              "calendar", "--start", START, "--end", END, "--closure", "2026-01-02/2025-12-22"
            },
            "2026-01-02/2025-12-22"),
        Arguments.of(
            new String[] {"calendar", "--start", START, "--end", END, "--format", "xml"},
            "--format xml"),
        Arguments.of(
            new String[] {"calendar", "--start", START, "--end", END, "--verbose"}, "--verbose"),
        Arguments.of(
            new String[] {"calendar", "--start", START, "--end", END, "--lang", "de"},
            "--lang de"));
  }

  @ParameterizedTest
  @MethodSource("badArguments")
  void rejectsABadArgumentWithExitCodeTwoAndOneLineNamingIt(String[] args, String named)
      throws Exception {
    JarRun run = JarRun.of(args);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines()).hasSize(1);
    assertThat(run.errorLines().get(0)).startsWith("tremplin calendar: ").contains(named);
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void namesTheBadValueInEnglishWithLangEn() throws Exception {
    JarRun run = JarRun.of("calendar", "--lang", "en", "--start", START, "--end", "2025-01-01");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines())
        .containsExactly("tremplin calendar: --end 2025-01-01 is before --start 2025-09-01");
  }

  @Test
  void rejectsAnUnknownSubcommandWithExitCodeTwo() throws Exception {
    JarRun run = JarRun.of("calendrier");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errorLines()).singleElement().asString().contains("calendrier");
  }
}
