package org.tremplin.api.insertion;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;
import org.tremplin.api.eligibility.ProfileFact;

/**
 * The result of checking a residence against one official QPV geography: the neighbourhood's code,
 * the geography it was checked against and when. Tremplin does not geocode; the code comes from the
 * user or a host lookup.
 *
 * @param code the QPV code ({@code QP} + département + 3 digits, e.g. {@code QP092012})
 * @param geography the geography version checked against, e.g. {@code 2015} or {@code 2024}
 * @param checkedOn the day of the check
 */
public record PriorityNeighbourhoodCheck(String code, String geography, LocalDate checkedOn) {
  /**
   * All fields required; the code must look like a QPV code; geography at most 16 characters.
   *
   * @param code the stable code
   * @param geography the geography
   * @param checkedOn the checked on
   */
  public PriorityNeighbourhoodCheck {
    code = new ProfileFact.PriorityNeighbourhoodResidence(code).code();
    TremplinException.requiredText(geography, "QPV geography");
    TremplinException.check(geography.length() <= 16, "QPV geography is longer than 16 characters");
    TremplinException.required(checkedOn, "QPV check date");
  }

  /**
   * The profile fact this check establishes.
   *
   * @return the profile fact this check establishes
   */
  public ProfileFact.PriorityNeighbourhoodResidence asFact() {
    return new ProfileFact.PriorityNeighbourhoodResidence(code);
  }
}
