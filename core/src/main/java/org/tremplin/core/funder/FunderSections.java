package org.tremplin.core.funder;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.tremplin.api.LearnerId;
import org.tremplin.core.privacy.PersonalDataSection;

/**
 * The funder facts' personal-data sections. Erasure keeps what reports count (sex, diploma level,
 * QPV, NEET, jobseeker, certification results) and replaces each birth date by the date that gives
 * the same age on the declaration day, so age shares stay right and the real date is gone.
 * Stateless.
 */
public final class FunderSections {
  private FunderSections() {}

  /**
   * The sections: funder facts (all versions), certification results, test-account mark.
   *
   * @return the sections, in export order
   */
  public static List<PersonalDataSection> all() {
    return List.of(
        new FactsSection(),
        PersonalDataSection.sql(
            "certificationResults",
            "select version, session_on, outcome, blocks, recorded_by, recorded_at"
                + " from tremplin_certification_result where learner_id = :learner"
                + " order by version"),
        PersonalDataSection.sql(
            "testAccount",
            "select marked_by, marked_at from tremplin_test_account where learner_id = :learner"));
  }

  private static final class FactsSection implements PersonalDataSection {
    private static final String SELECT =
        "select version, declared_on, sex, birth_date, diploma_level, qpv_resident,"
            + " neet_at_entry, jobseeker_registered, recorded_by, recorded_at"
            + " from tremplin_funder_facts where learner_id = :learner order by version";
    private final PersonalDataSection export = PersonalDataSection.sql("funderFacts", SELECT);

    @Override
    public String name() {
      return "funderFacts";
    }

    @Override
    public Object export(Handle h, LearnerId learner) {
      return export.export(h, learner);
    }

    @Override
    public int erase(Handle h, LearnerId learner) {
      record Row(int version, LocalDate declaredOn, LocalDate birthDate) {}
      List<Row> rows =
          h.createQuery(
                  "select version, declared_on, birth_date from tremplin_funder_facts"
                      + " where learner_id = :learner")
              .bind("learner", learner.value())
              .map(
                  (rs, ctx) ->
                      new Row(
                          rs.getInt("version"),
                          rs.getObject("declared_on", LocalDate.class),
                          rs.getObject("birth_date", LocalDate.class)))
              .list();
      int changed = 0;
      for (Row r : rows) {
        int age = Period.between(r.birthDate(), r.declaredOn()).getYears();
        LocalDate blurred = r.declaredOn().minusYears(age);
        if (!blurred.equals(r.birthDate())) {
          changed +=
              h.createUpdate(
                      "update tremplin_funder_facts set birth_date = :birth"
                          + " where learner_id = :learner and version = :version")
                  .bind("birth", blurred)
                  .bind("learner", learner.value())
                  .bind("version", r.version())
                  .execute();
        }
      }
      return changed;
    }
  }
}
