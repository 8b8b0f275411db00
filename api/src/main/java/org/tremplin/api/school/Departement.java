package org.tremplin.api.school;

import java.util.regex.Pattern;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;

/**
 * A French département, by its code: {@code 01}–{@code 95} (with {@code 2A}, {@code 2B} for
 * Corsica, no {@code 20}) and {@code 971}–{@code 976} overseas.
 *
 * @param code the code
 */
public record Departement(String code) {
  private static final Pattern CODE =
      Pattern.compile("0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-46]");

  /**
   * The code must be a real département.
   *
   * @param code the stable code
   */
  public Departement {
    TremplinException.requiredText(code, "departement");
    if (!CODE.matcher(code).matches()) {
      throw new TremplinException(
          ErrorCode.UNKNOWN_DEPARTEMENT, "'" + code + "' is not a French département code");
    }
  }

  /**
   * Parses a code, accepting one digit ({@code 1} is {@code 01}).
   *
   * @param code the stable code
   * @return the departement
   */
  public static Departement of(String code) {
    String trimmed = TremplinException.requiredText(code, "departement").trim().toUpperCase();
    return new Departement(trimmed.length() == 1 ? "0" + trimmed : trimmed);
  }

  @Override
  public String toString() {
    return code;
  }
}
