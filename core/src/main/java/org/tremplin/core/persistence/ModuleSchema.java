package org.tremplin.core.persistence;

import java.util.Map;
import java.util.regex.Pattern;
import org.tremplin.api.TremplinException;

/**
 * A module's own Flyway migrations (ADR 0005): where its scripts are, the history table that
 * records them, and which of core's retired migrations created its tables before it had its own
 * location. On a database where core once applied those, the module's history starts at the
 * matching version of its own instead of running its scripts again. Immutable.
 *
 * @param location Flyway location of the module's scripts, e.g. {@code
 *     classpath:org/tremplin/lti/db/migration}
 * @param historyTable the module's history table, prefixed {@code tremplin_}, not core's
 * @param adoptedCoreVersions core migration version → the module's version that created the same
 *     tables (e.g. {@code "12" → "4"}); empty when core never created the module's tables
 */
public record ModuleSchema(
    String location, String historyTable, Map<String, String> adoptedCoreVersions) {
  private static final Pattern TABLE = Pattern.compile("tremplin_[a-z0-9_]{1,50}");
  private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}");

  /**
   * Validates the names; copies the map.
   *
   * @param location the location
   * @param historyTable the history table
   * @param adoptedCoreVersions the adopted core versions
   */
  public ModuleSchema {
    TremplinException.requiredText(location, "location");
    TremplinException.requiredText(historyTable, "history table");
    TremplinException.check(
        TABLE.matcher(historyTable).matches(),
        "history table must be tremplin_ followed by lower-case letters, digits or _: "
            + historyTable);
    TremplinException.required(adoptedCoreVersions, "adopted core versions");
    adoptedCoreVersions.forEach(
        (core, own) ->
            TremplinException.check(
                VERSION.matcher(core).matches() && VERSION.matcher(own).matches(),
                "adopted versions must be whole numbers: " + core + " → " + own));
    adoptedCoreVersions = Map.copyOf(adoptedCoreVersions);
  }

  /**
   * A module whose tables core never created.
   *
   * @param location the location
   * @param historyTable the history table
   * @return a module whose tables core never created
   */
  public static ModuleSchema of(String location, String historyTable) {
    return new ModuleSchema(location, historyTable, Map.of());
  }
}
