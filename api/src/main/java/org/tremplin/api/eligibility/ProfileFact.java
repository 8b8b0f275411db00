package org.tremplin.api.eligibility;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/** A fact of a learner's profile from which criteria are suggested. */
public sealed interface ProfileFact {
  /**
   * Date of birth (JEUNE under 26, SENIOR from 50, at the diagnosis date).
   *
   * @param date the birth date
   */
  record BirthDate(LocalDate date) implements ProfileFact {
    /**
     * Required.
     *
     * @param date the day
     */
    public BirthDate {
      TremplinException.required(date, "birth date");
    }
  }

  /**
   * Education level on the national scale 0–8 (3 is CAP/BEP; 3 or below suggests CAP_BEP).
   *
   * @param level 0 to 8
   */
  record EducationLevel(int level) implements ProfileFact {
    /**
     * Between 0 and 8.
     *
     * @param level the level
     */
    public EducationLevel {
      TremplinException.check(
          level >= 0 && level <= 8, "education level must be 0 to 8, got " + level);
    }
  }

  /**
   * Residence in a priority neighbourhood, by its official code ({@code QP} + département on three
   * characters + 3 digits, e.g. {@code QP092012}, {@code QP02A001}, {@code QP971005}).
   *
   * @param code the QPV code
   */
  record PriorityNeighbourhoodResidence(String code) implements ProfileFact {
    private static final java.util.regex.Pattern CODE =
        java.util.regex.Pattern.compile(
            "QP(0(0[1-9]|[13-8][0-9]|2[1-9AB]|9[0-5])|97[1-6])[0-9]{3}");

    /**
     * The code must look like a QPV code.
     *
     * @param code the stable code
     */
    public PriorityNeighbourhoodResidence {
      TremplinException.requiredText(code, "QPV code");
      TremplinException.check(
          CODE.matcher(code).matches(),
          "'"
              + code
              + "' is not a QPV code (QP + 3-character département + 3 digits, e.g. QP092012)");
    }
  }

  /**
   * Registered as a jobseeker since a date (DELD from 12 months, DETLD from 24).
   *
   * @param since the registration date
   */
  record JobseekerSince(LocalDate since) implements ProfileFact {
    /**
     * Required.
     *
     * @param since the since
     */
    public JobseekerSince {
      TremplinException.required(since, "registration date");
    }
  }

  /**
   * A situation the coach declares directly as a criterion code (RSA, TH, PI...).
   *
   * @param criterion the criterion code
   */
  record Declared(String criterion) implements ProfileFact {
    /**
     * Required.
     *
     * @param criterion the criterion
     */
    public Declared {
      TremplinException.requiredText(criterion, "criterion");
    }
  }
}
