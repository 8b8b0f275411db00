package org.tremplin.core.privacy;

import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.LearnerId;

/**
 * One kind of personal data held about a learner, as the privacy office exports and erases it. Each
 * feature that stores personal data contributes a section; a module built on core (the LTI adapter)
 * adds its own through {@code Tremplin.addPersonalDataSection}, so core holds no SQL on a module's
 * tables. Implementations are stateless and run inside the privacy office's transaction (the handle
 * given); an export returns an empty list when the section holds nothing on the learner.
 */
public interface PersonalDataSection {
  /**
   * The section's name in the export, e.g. {@code attendance}.
   *
   * @return the section's name in the export, e.g
   */
  String name();

  /**
   * Everything this section holds about the learner, as JSON-ready values (lists, maps).
   *
   * @param h the open handle (the transaction under way)
   * @param learner the learner
   * @return the object
   */
  Object export(Handle h, LearnerId learner);

  /**
   * Blanks what identifies the learner in this section, keeping what aggregate reports count;
   * returns how many rows were changed.
   *
   * @param h the open handle (the transaction under way)
   * @param learner the learner
   * @return how many rows were changed
   */
  int erase(Handle h, LearnerId learner);

  /**
   * A section from plain SQL: one select for the export, updates for the erasure.
   *
   * @param name the name
   * @param select the select
   * @param erasures the erasures
   * @return a section from plain SQL: one select for the export, updates for the erasure
   */
  static PersonalDataSection sql(String name, String select, String... erasures) {
    return new PersonalDataSection() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object export(Handle h, LearnerId learner) {
        return h.createQuery(select).bind("learner", learner.value()).mapToMap().list().stream()
            .map(PersonalDataSection::plain)
            .toList();
      }

      @Override
      public int erase(Handle h, LearnerId learner) {
        int changed = 0;
        for (String update : erasures) {
          changed += h.createUpdate(update).bind("learner", learner.value()).execute();
        }
        return changed;
      }
    };
  }

  /**
   * A row of JDBC values made JSON-friendly: numbers, booleans, text and nulls as they are; dates,
   * times and ids as text. For a module's own exports (e.g. the LTI adapter's staff export).
   *
   * @param row the row, column name to value
   * @return the same columns, in order, with JSON-friendly values
   */
  public static Map<String, Object> plain(Map<String, Object> row) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    row.forEach(
        (k, v) ->
            out.put(
                k,
                v instanceof Number || v instanceof Boolean || v instanceof String || v == null
                    ? v
                    : String.valueOf(v)));
    return out;
  }
}
