package org.tremplin.core.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;
import org.tremplin.api.calendar.PublicHoliday;
import org.tremplin.api.school.Departement;
import org.tremplin.core.internal.Json;

/**
 * The public-holiday rules, read from the dated reference data {@code public-holidays.json}: fixed
 * dates and offsets from Easter, nationally and per département. Immutable and thread-safe.
 */
public final class PublicHolidayRules {
  private final List<Version> versions;

  /** Loads the bundled rules. */
  public PublicHolidayRules() {
    Doc doc = Json.resource(PublicHolidayRules.class, "public-holidays.json", Doc.class);
    this.versions =
        doc.versions().stream()
            .sorted(Comparator.comparing(Version::validFrom).reversed())
            .toList();
  }

  /**
   * Every public holiday of a year in a département, by date.
   *
   * @param year the year
   * @param departement the departement
   * @return every public holiday of a year in a département, by date
   * @throws TremplinException {@code CALENDAR_INVALID_RANGE} for a year before the first rules
   */
  public List<PublicHoliday> holidays(int year, Departement departement) {
    Version version =
        versions.stream()
            .filter(v -> !v.validFrom().isAfter(LocalDate.of(year, 12, 31)))
            .findFirst()
            .orElseThrow(
                () ->
                    new TremplinException(
                        ErrorCode.CALENDAR_INVALID_RANGE,
                        "no public-holiday rules for year "
                            + year
                            + "; the reference data starts in "
                            + versions.get(versions.size() - 1).validFrom().getYear()));
    LocalDate easter = Easter.sunday(year);
    List<PublicHoliday> result = new ArrayList<>();
    version.national().forEach(r -> result.add(r.on(year, easter)));
    version.regional().stream()
        .filter(g -> g.departements().contains(departement.code()))
        .forEach(g -> g.holidays().forEach(r -> result.add(r.on(year, easter))));
    result.sort(Comparator.comparing(PublicHoliday::date));
    return List.copyOf(result);
  }

  record Text(String fr, String en) {}

  record Rule(String code, @Nullable String monthDay, @Nullable Integer easterOffset, Text name) {
    PublicHoliday on(int year, LocalDate easter) {
      LocalDate date;
      if (monthDay != null) {
        date = MonthDay.parse("--" + monthDay).atYear(year);
      } else if (easterOffset != null) {
        date = easter.plusDays(easterOffset);
      } else {
        throw new IllegalStateException(
            "holiday " + code + " has neither monthDay nor easterOffset");
      }
      return new PublicHoliday(date, code, new LocalizedText(name.fr(), name.en()));
    }
  }

  record Region(List<String> departements, List<Rule> holidays) {}

  record Version(LocalDate validFrom, String source, List<Rule> national, List<Region> regional) {}

  record Doc(String description, List<Version> versions) {}
}
